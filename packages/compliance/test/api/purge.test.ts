import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { poll, SAMPLE_POLICY, uploadDocument } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => t?.close());

describe('retention purge', () => {
  it('deletes documents past retention and abandoned uploads, with their files, and audits it', async () => {
    const owner = await signUp(t.url, 'purge');
    const project = (await owner.api.post('/v1/projects', { name: 'p' })).body.id;
    const kept = await uploadDocument(
      owner.api,
      project,
      Buffer.from(SAMPLE_POLICY),
      'kept.md',
      'text/markdown',
    );
    const old = await uploadDocument(
      owner.api,
      project,
      Buffer.from(SAMPLE_POLICY),
      'old.md',
      'text/markdown',
    );
    const abandoned = (
      await owner.api.post('/v1/compliance/documents', {
        project_id: project,
        filename: 'never.pdf',
        content_type: 'application/pdf',
        size_bytes: 10,
      })
    ).body.document;
    await t.platform.db.execute(
      sql`update compliance_documents set expires_at = now() - interval '1 day' where id = ${old.id}`,
    );
    await t.platform.db.execute(
      sql`update compliance_documents set created_at = now() - interval '2 days' where id = ${abandoned.id}`,
    );

    const job = await t.platform.jobs.submit({ orgId: null, name: 'compliance.purge', payload: {} });
    const done = await poll(
      async () => (await t.platform.jobs.get(null, job.id)).status,
      (s) => s === 'completed' || s === 'dead',
      'purge job',
    );
    expect(done).toBe('completed');

    expect((await owner.api.get(`/v1/compliance/documents/${kept.id}`)).status).toBe(200);
    expect((await owner.api.get(`/v1/compliance/documents/${old.id}`)).status).toBe(404);
    expect((await owner.api.get(`/v1/compliance/documents/${abandoned.id}`)).status).toBe(404);
    expect(
      await t.platform.storage.head(`orgs/${owner.orgId}/compliance/documents/${old.id}/original`),
    ).toBeUndefined();
    const audit = await owner.api.get('/v1/audit-logs?action=compliance.document.purge');
    expect(audit.body.data.map((e: { target_id: string }) => e.target_id).sort()).toEqual(
      [old.id, abandoned.id].sort(),
    );
  });
});
