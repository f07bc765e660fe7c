import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { ATTACK_BUNDLE, ingestText, REPORT_A } from './helpers.ts';
import { stixProblems } from './stix-check.ts';

let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
  dataDir = mkdtempSync(join(tmpdir(), 'assay-intel-cli-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function assay(args: string[]) {
  return spawnSync(process.execPath, ['apps/cli/bin/assay.js', 'intel', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      DATABASE_URL: t.database.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      REDIS_URL: '',
    },
  });
}

describe('assay intel attack-import and export', () => {
  it('imports the ATT&CK bundle once (versioned, idempotent) and exports an organization as STIX', {
    timeout: 240_000,
  }, async (context) => {
    if (!t.database.url) context.skip(); // the CLI needs a database it can reach from another process
    const first = assay(['attack-import', ATTACK_BUNDLE]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /Imported enterprise-attack \S+ in \d+ ms: \d+ techniques, \d+ subtechniques/,
    );
    const second = assay(['attack-import', ATTACK_BUNDLE]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('already imported');
    const broken = assay(['attack-import', 'package.json']);
    expect(broken.status).not.toBe(0);

    const owner = await signUp(t.url, 'intel-cli');
    const report = await ingestText(owner.api, REPORT_A);
    await owner.api.post(`/v1/intel/reports/${report.id}/review`, { remaining: 'accept' });
    const out = assay(['export', '--org', owner.orgId, '--format', 'stix']);
    expect(out.status, out.stderr).toBe(0);
    const bundle = JSON.parse(out.stdout);
    expect(stixProblems(bundle)).toEqual([]);
    expect(bundle.objects.some((o: { name?: string }) => o.name === 'APT29')).toBe(true);
    expect(assay(['export', '--org', owner.orgId, '--format', 'xml']).status).not.toBe(0);
  });
});
