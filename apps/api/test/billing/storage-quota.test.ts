import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // 3 MB of storage on the free plan, so a few declared uploads reach it.
  await t.platform.db.execute(
    sql`update plans set quotas = quotas || '{"storage.bytes": 3000000}'::jsonb where id = 'free'`,
  );
});
afterAll(async () => t?.close());

const MB = 1_000_000;

describe('the storage quota', () => {
  it('counts the files of every module and refuses an upload that would not fit, with 402', async () => {
    const owner = await signUp(t.url, 'storage');
    const project = (await owner.api.post('/v1/projects', { name: 'files' })).body.id as string;
    const document = (size: number) =>
      owner.api.post('/v1/compliance/documents', {
        project_id: project,
        filename: 'policy.pdf',
        content_type: 'application/pdf',
        size_bytes: size,
      });
    expect((await document(2 * MB)).status).toBe(201);

    const refused = await document(2 * MB);
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'storage.bytes', limit: 3 * MB, used: 2 * MB, requested: 2 * MB, resets_at: null },
    });
    // Another module's upload draws on the same storage.
    const report = await owner.api.post('/v1/intel/reports/uploads', {
      project_id: project,
      filename: 'brief.pdf',
      content_type: 'application/pdf',
      size_bytes: 1.5 * MB,
    });
    expect(report.status).toBe(402);
    expect(report.body.error.quota).toMatchObject({ metric: 'storage.bytes', used: 2 * MB });
    const fits = await owner.api.post('/v1/intel/reports/uploads', {
      project_id: project,
      filename: 'brief.pdf',
      content_type: 'application/pdf',
      size_bytes: 0.5 * MB,
    });
    expect(fits.status).toBe(201);

    // Nothing of the refused uploads was kept; the usage shows what is stored.
    const documents = await owner.api.get(`/v1/compliance/documents?project_id=${project}`);
    expect(documents.body.data).toHaveLength(1);
    const usage = await owner.api.get('/v1/usage');
    expect(usage.body.metrics).toContainEqual({ metric: 'storage.bytes', used: 2.5 * MB, limit: 3 * MB });
    expect(usage.body.metrics).toContainEqual({ metric: 'projects.count', used: 1, limit: 3 });
  });
});

describe('deleting a project', () => {
  it('removes its files from storage and gives their bytes back', async () => {
    const owner = await signUp(t.url, 'storage-delete');
    const project = (await owner.api.post('/v1/projects', { name: 'short-lived' })).body.id as string;
    const created = await owner.api.post('/v1/compliance/documents', {
      project_id: project,
      filename: 'policy.md',
      content_type: 'text/markdown',
      size_bytes: 5,
    });
    expect(created.status).toBe(201);
    const prefix = `orgs/${owner.orgId}/compliance/documents/${created.body.document.id}/`;
    await t.platform.storage.put(`${prefix}original`, Buffer.from('hello'), { contentType: 'text/markdown' });
    await t.platform.storage.put(`${prefix}extracted.json`, Buffer.from('{}'), {
      contentType: 'application/json',
    });
    const kept = await owner.api.post('/v1/projects', { name: 'kept' });
    const keptDoc = await owner.api.post('/v1/compliance/documents', {
      project_id: kept.body.id,
      filename: 'keep.md',
      content_type: 'text/markdown',
      size_bytes: 4,
    });
    const keptKey = `orgs/${owner.orgId}/compliance/documents/${keptDoc.body.document.id}/original`;
    await t.platform.storage.put(keptKey, Buffer.from('keep'), { contentType: 'text/markdown' });

    expect((await owner.api.call('DELETE', `/v1/projects/${project}`)).status).toBe(204);
    expect(await t.platform.storage.head(`${prefix}original`)).toBeUndefined();
    expect(await t.platform.storage.head(`${prefix}extracted.json`)).toBeUndefined();
    expect(await t.platform.storage.head(keptKey)).toBeDefined();
    const usage = await owner.api.get('/v1/usage');
    expect(usage.body.metrics).toContainEqual({ metric: 'storage.bytes', used: 4, limit: 3 * MB });
  });
});
