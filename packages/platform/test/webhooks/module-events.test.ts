import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { SAMPLE_POLICY, uploadDocument } from '../../../compliance/test/api/helpers.ts';
import { verifySignature } from '../../src/webhooks/index.ts';
import { startReceiver, waitFor } from './receiver.ts';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  await t.startWorker();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('events from the modules and the core reach subscribed endpoints', () => {
  it('delivers assessment.completed with the summary, and only the types an endpoint asked for', async () => {
    const owner = await signUp(t.url, 'assessor');
    const hook = await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/assessments'),
      event_types: ['assessment.completed'],
    });
    const project = await owner.api.post('/v1/projects', { name: 'policies' });
    const doc = await uploadDocument(
      owner.api,
      project.body.id,
      Buffer.from(SAMPLE_POLICY),
      'policy.md',
      'text/markdown',
    );
    const started = await owner.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['soc2'] });
    expect(started.status).toBe(202);
    const [got] = await waitFor(
      () => receiver.at('/assessments'),
      (r) => r.length === 1,
      'assessment.completed',
      30_000,
    );
    expect(got.body).toMatchObject({
      type: 'assessment.completed',
      org_id: owner.orgId,
      data: {
        assessment_id: started.body.id,
        project_id: project.body.id,
        document_id: doc.id,
        frameworks: ['soc2'],
        engine: 'baseline',
        links: { api: `/v1/assessments/${started.body.id}` },
      },
    });
    expect(got.body.data.findings).toBeGreaterThan(30);
    expect(got.body.data.by_status.missing).toBeGreaterThan(0);
    expect(verifySignature(hook.body.secret, got.raw, got.headers['assay-signature'] as string)).toBe(true);
    // The extraction and assessment jobs completed too, but this endpoint did not ask for job events.
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.at('/assessments').map((r) => r.body.type)).toEqual(['assessment.completed']);
  });

  it('delivers member.invited and member.removed', async () => {
    const owner = await signUp(t.url, 'team');
    await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/members'),
      event_types: ['member.invited', 'member.removed'],
    });
    const member = await addMember(t.url, owner, t.mail, 'editor');
    expect((await owner.api.delete(`/v1/members/${member.userId}`)).status).toBe(204);
    const got = await waitFor(
      () => receiver.at('/members'),
      (r) => r.length === 2,
      'member events',
    );
    const byType = Object.fromEntries(got.map((r) => [r.body.type, r.body.data]));
    expect(byType['member.invited']).toMatchObject({
      email: member.email,
      role: 'editor',
      invited_by: owner.userId,
    });
    expect(byType['member.removed']).toMatchObject({
      user_id: member.userId,
      role: 'editor',
      reason: 'removed',
      removed_by: owner.userId,
    });
  });

  it('delivers job.failed when a job is dead-lettered', async () => {
    const owner = await signUp(t.url, 'failing');
    await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/jobs'),
      event_types: ['job.failed'],
    });
    const { defineJob } = await import('@assay/core');
    const { z } = await import('zod');
    t.platform.jobs.register([
      defineJob({
        name: 'test.breaks',
        queue: 'default',
        payload: z.object({}),
        maxAttempts: 1,
        handler: async () => {
          throw new Error('upstream refused');
        },
      }),
    ]);
    const job = await t.platform.jobs.submit({
      orgId: owner.orgId,
      name: 'test.breaks',
      payload: {},
      createdBy: owner.userId,
    });
    const [got] = await waitFor(
      () => receiver.at('/jobs'),
      (r) => r.length === 1,
      'job.failed',
    );
    expect(got.body.data).toMatchObject({
      job_id: job.id,
      name: 'test.breaks',
      status: 'dead',
      attempts: 1,
      error: 'upstream refused',
      created_by: owner.userId,
    });
  });
});

describe('event retention', () => {
  it('purges events past the retention period with their deliveries and attempts', async () => {
    const { sql } = await import('drizzle-orm');
    const owner = await signUp(t.url, 'retention');
    await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/old'),
      event_types: ['member.invited'],
    });
    await owner.api.post('/v1/invitations', { email: `old-${Date.now()}@example.test`, role: 'viewer' });
    await owner.api.post('/v1/invitations', { email: `new-${Date.now()}@example.test`, role: 'viewer' });
    await waitFor(
      () => receiver.at('/old'),
      (r) => r.length === 2,
      'deliveries',
    );
    const [oldest] = receiver.at('/old').sort((a, b) => a.body.id.localeCompare(b.body.id));
    await t.platform.db.execute(
      sql`update webhook_events set created_at = now() - interval '31 days' where id = ${oldest.body.id}`,
    );
    const job = await t.platform.jobs.submit({ orgId: null, name: 'webhooks.purge', payload: {} });
    await waitFor(
      async () => (await t.platform.jobs.get(null, job.id)).status,
      (s) => s === 'completed',
      'purge',
    );
    const count = async (table: string) =>
      (
        (await t.platform.db.execute(
          sql`select count(*)::int as n from ${sql.raw(table)} where org_id = ${owner.orgId}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0].n;
    expect(await count('webhook_events')).toBe(1);
    expect(await count('webhook_deliveries')).toBe(1);
    expect(await count('webhook_attempts')).toBe(1);
  });
});
