import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '@assay/core';
import { apiKeys } from '@assay/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';

let database: TestDatabase;
const dataDir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

function assay(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  if (database.url) env.DATABASE_URL = database.url;
  const result = spawnSync(process.execPath, ['apps/cli/bin/assay.js', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

describe.runIf(Boolean(process.env.ASSAY_TEST_EMBEDDED !== '1'))('the assay command', () => {
  it('migrates, creates a user with an organization, lists organizations and issues an API key', async () => {
    if (!database.url) return; // the CLI needs a database it can reach from another process
    expect(assay('migrate')).toMatchObject({ code: 0, out: 'database is up to date' });
    const user = assay(
      'user',
      'create',
      '--email',
      'cli@example.test',
      '--password',
      'correct horse battery',
      '--org',
      'CLI Org',
    );
    expect(user.code).toBe(0);
    const orgId = user.out.match(/organization ([0-9a-f-]{36})/)![1];
    expect(assay('org', 'list').out).toContain('CLI Org');
    const key = assay(
      'api-key',
      'create',
      '--org',
      orgId,
      '--name',
      'deploy',
      '--scopes',
      'projects:read',
      '--role',
      'viewer',
    );
    expect(key.code).toBe(0);
    expect(key.out).toMatch(/^ask_[\w-]{40,}$/);
    const [row] = await database.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, hashToken(key.out)));
    expect(row).toMatchObject({ orgId, role: 'viewer', scopes: ['projects:read'] });
    expect(
      assay('user', 'create', '--email', 'cli@example.test', '--password', 'correct horse battery').code,
    ).toBe(1);
    expect(assay('api-key', 'create', '--org', orgId, '--name', 'x', '--role', 'root').err).toContain(
      '--role must be',
    );
  }, 120_000); // each step boots the CLI in its own process

  it('runs the compliance engine on a local file', () => {
    const result = assay(
      'compliance',
      'assess',
      'packages/compliance/src/demo/sample-policy.md',
      '--frameworks',
      'soc2',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out);
    expect(parsed.findings.length).toBe(61);
    expect(parsed.findings[0]).toHaveProperty('evidence');
    expect(parsed.summary.overall.total).toBe(61);
    expect(assay('compliance', 'frameworks').out).toMatch(/soc2/);
  }, 60_000);
});
