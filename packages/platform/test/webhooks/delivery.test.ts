import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp, uniqueEmail } from '../../../../test/support/client.ts';
import { liftQuota } from '../../../../test/support/plans.ts';
import { deliveryPolicy, verifySignature } from '../../src/webhooks/index.ts';
import { startReceiver, waitFor } from './receiver.ts';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signUp>>;
const saved = { ...deliveryPolicy };

beforeAll(async () => {
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  await liftQuota(t, 'members.seats'); // many invitations to one organization
  await t.startWorker();
  receiver = await startReceiver();
  owner = await signUp(t.url, 'hooks');
  // Seconds instead of hours, so the retry path runs inside a test.
  deliveryPolicy.retryDelaysMs = [300, 600];
  deliveryPolicy.jitter = 0;
});
afterAll(async () => {
  Object.assign(deliveryPolicy, saved);
  await receiver?.close();
  await t?.close();
});

async function addEndpoint(path: string, eventTypes: string[] = ['member.invited']) {
  const res = await owner.api.post('/v1/webhooks/endpoints', {
    url: receiver.url(path),
    event_types: eventTypes,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

const invite = (email = uniqueEmail('guest')) => owner.api.post('/v1/invitations', { email, role: 'viewer' });

describe('webhook delivery to a loopback receiver', () => {
  it('shows the secret once and publishes the event catalogue with JSON schemas', async () => {
    const created = await addEndpoint('/once');
    expect(created.secret).toMatch(/^whsec_/);
    const read = await owner.api.get(`/v1/webhooks/endpoints/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(created.secret.startsWith(read.body.secret_prefix)).toBe(true);
    expect(JSON.stringify(read.body)).not.toContain(created.secret);

    const catalogue = await owner.api.get('/v1/webhooks/event-types');
    const types = catalogue.body.data.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'assessment.completed',
        'scan_run.completed',
        'intel.report.processed',
        'job.failed',
        'export.ready',
        'member.invited',
      ]),
    );
    const invited = catalogue.body.data.find((e: { type: string }) => e.type === 'member.invited');
    expect(invited.schema.properties.data.required).toEqual(
      expect.arrayContaining(['invitation_id', 'email']),
    );
    const openapi = (await fetch(`${t.url}/v1/openapi.json`).then((r) => r.json())) as any;
    expect(JSON.stringify(openapi.paths['/v1/webhooks/event-types'])).toContain('scan_run.completed');
  });

  it('signs every delivery, sends each event once with its id, in creation order', async () => {
    const endpoint = await addEndpoint('/signed');
    const emails = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')];
    for (const email of emails) expect((await invite(email)).status).toBe(201);
    const got = await waitFor(
      () => receiver.at('/signed'),
      (r) => r.length >= 3,
      'three deliveries',
    );
    expect(got).toHaveLength(3);
    for (const r of got) {
      expect(verifySignature(endpoint.secret, r.raw, r.headers['assay-signature'] as string)).toBe(true);
      expect(verifySignature('whsec_wrong', r.raw, r.headers['assay-signature'] as string)).toBe(false);
      expect(verifySignature(endpoint.secret, `${r.raw} `, r.headers['assay-signature'] as string)).toBe(
        false,
      );
      expect(r.headers['assay-event-id']).toBe(r.body.id);
      expect(r.body).toMatchObject({ type: 'member.invited', version: 1, org_id: owner.orgId });
    }
    // Ids are time-ordered: sorting by id (or created_at) gives the order the changes committed in.
    const byId = [...got].sort((a, b) => a.body.id.localeCompare(b.body.id));
    expect(byId.map((r) => r.body.data.email)).toEqual(emails);
    expect(new Set(got.map((r) => r.body.id)).size).toBe(3);

    const log = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${endpoint.id}/deliveries`),
      (res) => res.body.data.every((d: { status: string }) => d.status === 'delivered'),
      'delivered log',
    );
    expect(log.body.data).toHaveLength(3);
    expect(log.body.data[0]).toMatchObject({
      attempts: 1,
      last_response_code: 200,
      last_response_body: 'ok',
    });
    expect(log.body.data[0].last_latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('retries a 500 with backoff and the same event id, then records the success', async () => {
    const endpoint = await addEndpoint('/flaky');
    let calls = 0;
    receiver.respondWith((r) =>
      r.path === '/flaky' && calls++ === 0 ? { status: 500, body: 'try later' } : { status: 200, body: 'ok' },
    );
    await invite();
    const got = await waitFor(
      () => receiver.at('/flaky'),
      (r) => r.length >= 2,
      'a retry',
    );
    expect(got[1].body.id).toBe(got[0].body.id);
    expect(got[1].headers['assay-delivery-attempt']).toBe('2');
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(250);
    for (const r of got)
      expect(verifySignature(endpoint.secret, r.raw, r.headers['assay-signature'] as string)).toBe(true);

    const list = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${endpoint.id}/deliveries`),
      (res) => res.body.data[0]?.status === 'delivered',
      'delivered after retry',
    );
    const detail = await owner.api.get(
      `/v1/webhooks/endpoints/${endpoint.id}/deliveries/${list.body.data[0].id}`,
    );
    expect(detail.body.attempt_log.map((a: any) => [a.response_code, a.succeeded, a.response_body])).toEqual([
      [500, false, 'try later'],
      [200, true, 'ok'],
    ]);
    expect(detail.body.event.id).toBe(got[0].body.id);
    receiver.respondWith(() => ({ status: 200, body: 'ok' }));
  });

  it('does not retry a 4xx, disables the endpoint after repeated failures and emails the admins', async () => {
    deliveryPolicy.disableAfterFailures = 3;
    const endpoint = await addEndpoint('/gone');
    receiver.respondWith((r) =>
      r.path === '/gone' ? { status: 410, body: 'no such hook' } : { status: 200 },
    );
    for (let i = 0; i < 3; i++) await invite();
    const state = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${endpoint.id}`),
      (res) => res.body.enabled === false,
      'auto-disable',
    );
    expect(state.body.disabled_reason).toMatch(/3 failed deliveries/);
    expect(receiver.at('/gone')).toHaveLength(3); // one attempt each: 410 is not retried
    await waitFor(
      () => t.mail.filter((m) => m.to === owner.email && /was disabled/.test(m.subject)),
      (m) => m.length === 1,
      'admin email',
    );
    const mail = t.mail.find((m) => /was disabled/.test(m.subject))!;
    expect(mail.text).toContain(receiver.url('/gone'));
    expect(mail.html).toContain('<p>');

    // Disabled endpoints get nothing new.
    await invite();
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.at('/gone')).toHaveLength(3);

    // Enabled again, a failed delivery can be sent by hand: same event, one manual attempt.
    receiver.respondWith(() => ({ status: 200, body: 'ok' }));
    const enabled = await owner.api.patch(`/v1/webhooks/endpoints/${endpoint.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, consecutive_failures: 0, disabled_reason: null });
    const failed = await owner.api.get(`/v1/webhooks/endpoints/${endpoint.id}/deliveries?status=failed`);
    const target = failed.body.data[0];
    const again = await owner.api.post(
      `/v1/webhooks/endpoints/${endpoint.id}/deliveries/${target.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    const resent = await waitFor(
      () => receiver.at('/gone'),
      (r) => r.length === 4,
      'redelivery',
    );
    expect(resent[3].body.id).toBe(target.event_id);
    const detail = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${endpoint.id}/deliveries/${target.id}`),
      (res) => res.body.status === 'delivered',
      'redelivered',
    );
    expect(detail.body.attempt_log.map((a: any) => a.trigger)).toEqual(['auto', 'manual']);
    deliveryPolicy.disableAfterFailures = saved.disableAfterFailures;
  });

  it('sends a signed test ping on demand and shows the answer', async () => {
    const endpoint = await addEndpoint('/ping', ['job.failed']);
    const res = await owner.api.post(`/v1/webhooks/endpoints/${endpoint.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ succeeded: true, response_code: 200, response_body: 'ok' });
    const [ping] = receiver.at('/ping');
    expect(ping.body).toMatchObject({ type: 'webhook.ping', data: { endpoint_id: endpoint.id } });
    expect(verifySignature(endpoint.secret, ping.raw, ping.headers['assay-signature'] as string)).toBe(true);
  });

  it('delivers export.ready and job.completed when an export finishes', async () => {
    await addEndpoint('/all', ['*']);
    const started = await owner.api.post('/v1/exports');
    expect(started.status).toBe(202);
    const got = await waitFor(
      () => receiver.at('/all').filter((r) => r.body.data?.job_id === started.body.id),
      (r) => r.length >= 2,
      'export events',
    );
    const ready = got.find((r) => r.body.type === 'export.ready')!;
    expect(ready.body.data).toMatchObject({
      job_id: started.body.id,
      links: { api: `/v1/jobs/${started.body.id}` },
    });
    expect(ready.body.data.size).toBeGreaterThan(0);
    expect(got.find((r) => r.body.type === 'job.completed')!.body.data).toMatchObject({
      name: 'core.export',
    });
  });

  it('writes no event when the change rolls back', async () => {
    const member = await addMember(t.url, owner, t.mail, 'viewer'); // one member.invited
    const before = await waitFor(
      () => receiver.at('/signed'),
      (r) => r.some((x) => x.body.data.email === member.email),
      'invite',
    );
    // Inviting someone who is already a member fails inside the transaction that would emit the event.
    const refused = await owner.api.post('/v1/invitations', { email: member.email, role: 'viewer' });
    expect(refused.status).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.at('/signed').length).toBe(before.length);
    const { sql } = await import('drizzle-orm');
    const rows = await t.platform.db.execute(
      sql`select count(*)::int as n from webhook_events where org_id = ${owner.orgId} and body like ${`%${member.email}%`}`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });
});
