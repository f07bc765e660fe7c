import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMember, signUp } from '../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => t?.close());

async function waitForJob(api: Awaited<ReturnType<typeof signUp>>['api'], id: string) {
  const seen: number[] = [];
  for (let i = 0; i < 150; i++) {
    const res = await api.get(`/v1/jobs/${id}`);
    seen.push(res.body.progress);
    if (['completed', 'dead', 'failed', 'cancelled'].includes(res.body.status))
      return { job: res.body, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

describe('organization export through the queue, the worker and storage', () => {
  it('runs to completion with progress and a signed download of the data', async () => {
    const owner = await signUp(t.url, 'exporter');
    await addMember(t.url, owner, t.mail, 'viewer');
    await owner.api.post('/v1/projects', { name: 'exported' });

    const started = await owner.api.post('/v1/exports');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      name: 'core.export',
      queue: 'default',
      status: expect.stringMatching(/queued|running/),
    });
    const { job } = await waitForJob(owner.api, started.body.id);
    expect(job.status).toBe('completed');
    expect(job.progress).toBe(100);
    expect(job.download_url).toMatch(/^http/);

    const file = await fetch(job.download_url);
    expect(file.status).toBe(200);
    const data = (await file.json()) as {
      format: string;
      members: unknown[];
      audit_logs: { action: string }[];
    };
    expect(data.format).toBe('assay-export');
    expect(data.members).toHaveLength(2);
    expect(data.audit_logs.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['member.invite', 'project.create']),
    );
    // The signature covers the key: another org's file cannot be reached by editing the URL.
    const tampered = job.download_url.replace(owner.orgId, '00000000-0000-4000-8000-000000000000');
    expect((await fetch(tampered)).status).toBe(403);

    const usage = await owner.api.get('/v1/usage');
    expect(usage.body.metrics.find((m: { metric: string }) => m.metric === 'exports.created').used).toBe(1);
  });

  it('streams a large organization page by page into one valid document', async () => {
    const owner = await signUp(t.url, 'large');
    const { auditLogs, uuidv7 } = await import('@assay/db');
    // More than two pages of audit rows (1000 per page), with text that needs escaping.
    const extra = 2345;
    await t.platform.db.insert(auditLogs).values(
      Array.from({ length: extra }, (_, i) => ({
        id: uuidv7(),
        orgId: owner.orgId,
        actorType: 'system',
        action: `bulk.row_${i}`,
        targetId: `"quoted" \\ line\nbreak ${i}`,
      })),
    );
    const started = await owner.api.post('/v1/exports');
    const { job } = await waitForJob(owner.api, started.body.id);
    expect(job.status).toBe('completed');
    const file = await fetch(job.download_url);
    const text = await file.text();
    const data = JSON.parse(text) as { audit_logs: { action: string; targetId: string }[]; jobs: unknown[] };
    const bulk = data.audit_logs.filter((a) => a.action.startsWith('bulk.row_'));
    expect(bulk).toHaveLength(extra);
    expect(bulk[extra - 1]).toMatchObject({ action: `bulk.row_${extra - 1}` });
    expect(bulk[7].targetId).toBe('"quoted" \\ line\nbreak 7');
    expect(job.result).toMatchObject({ size: Buffer.byteLength(text) });
    expect(job.result.counts.audit_logs).toBe(data.audit_logs.length);
  });

  it('refuses exports over the plan quota with 402 and leaves no job behind', async () => {
    const owner = await signUp(t.url, 'quota-exporter');
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set quotas = quotas || '{"exports.created": 1}'`,
    );
    expect((await owner.api.post('/v1/exports')).status).toBe(202);
    const over = await owner.api.post('/v1/exports');
    expect(over.status).toBe(402);
    expect(over.body.error.quota).toMatchObject({ metric: 'exports.created', limit: 1, used: 1 });
    expect(over.body.error.quota.resets_at).toMatch(/^\d{4}-\d{2}-01T00:00:00/);
    const jobs = await owner.api.get('/v1/jobs?name=core.export');
    expect(jobs.body.data).toHaveLength(1);
  });
});
