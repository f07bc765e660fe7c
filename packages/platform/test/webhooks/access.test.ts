import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp, uniqueEmail } from '../../../../test/support/client.ts';
import { liftQuota } from '../../../../test/support/plans.ts';
import { startReceiver, waitFor } from './receiver.ts';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  // Private addresses are refused unless the operator allows them; this file starts without the allowance.
  t = await startTestApp();
  await liftQuota(t, 'members.seats'); // many invitations to one organization
  await t.startWorker();
  receiver = await startReceiver();
  owner = await signUp(t.url, 'guarded');
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const setAllowPrivate = (value: boolean) => {
  t.platform.config.OUTBOUND_ALLOW_PRIVATE = value;
};

describe('webhook endpoints: address checks, roles and tenants', () => {
  it('refuses private, loopback, link-local and malformed URLs when saved', async () => {
    for (const url of [
      receiver.url('/x'),
      'http://localhost:9/x',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/hook',
      'http://[::1]:8080/',
      'ftp://example.com/hook',
      'https://user:pass@example.com/hook',
      'not a url',
    ]) {
      const res = await owner.api.post('/v1/webhooks/endpoints', { url, event_types: ['*'] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details[0].field).toBe('body.url');
    }
    expect(
      (await owner.api.post('/v1/webhooks/endpoints', { url: 'https://example.com', event_types: ['nope'] }))
        .status,
    ).toBe(422);
    expect((await owner.api.get('/v1/webhooks/endpoints')).body.data).toHaveLength(0);
  });

  it('checks the address again at delivery: saved while allowed, refused once the allowance is gone', async () => {
    setAllowPrivate(true);
    const saved = await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/private'),
      event_types: ['member.invited'],
    });
    expect(saved.status).toBe(201);
    setAllowPrivate(false);
    await owner.api.post('/v1/invitations', { email: uniqueEmail('x'), role: 'viewer' });
    const log = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${saved.body.id}/deliveries`),
      (res) => res.body.data[0]?.status === 'failed',
      'refused delivery',
    );
    expect(log.body.data[0].last_error).toMatch(/private, loopback or reserved/);
    expect(log.body.data[0].attempts).toBe(1); // not retried
    expect(receiver.at('/private')).toHaveLength(0);
    const ping = await owner.api.post(`/v1/webhooks/endpoints/${saved.body.id}/test`);
    expect(ping.body).toMatchObject({ succeeded: false, response_code: null });
    expect(receiver.received).toHaveLength(0);
  });

  it('lets admins manage endpoints and nobody below', async () => {
    setAllowPrivate(true);
    const admin = await addMember(t.url, owner, t.mail, 'admin');
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    const made = await admin.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/admin'),
      event_types: ['*'],
    });
    expect(made.status).toBe(201);
    for (const api of [editor.api, viewer.api]) {
      expect((await api.get('/v1/webhooks/endpoints')).status).toBe(403);
      expect(
        (await api.post('/v1/webhooks/endpoints', { url: receiver.url('/e'), event_types: ['*'] })).status,
      ).toBe(403);
      expect((await api.patch(`/v1/webhooks/endpoints/${made.body.id}`, { enabled: false })).status).toBe(
        403,
      );
      expect((await api.delete(`/v1/webhooks/endpoints/${made.body.id}`)).status).toBe(403);
      expect((await api.get('/v1/webhooks/event-types')).status).toBe(403);
    }
    const audit = await owner.api.get('/v1/audit-logs?action=webhook.create');
    expect(JSON.stringify(audit.body)).toContain('webhook.create');
    expect(JSON.stringify(audit.body)).not.toContain('whsec_');
    expect((await admin.api.delete(`/v1/webhooks/endpoints/${made.body.id}`)).status).toBe(204);
  });

  it("answers 404 for another organization's endpoints and deliveries", async () => {
    setAllowPrivate(true);
    const made = await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/mine'),
      event_types: ['member.invited'],
    });
    await owner.api.post('/v1/invitations', { email: uniqueEmail('y'), role: 'viewer' });
    const log = await waitFor(
      () => owner.api.get(`/v1/webhooks/endpoints/${made.body.id}/deliveries`),
      (res) => res.body.data.length === 1,
      'a delivery',
    );
    const deliveryId = log.body.data[0].id;
    const other = await signUp(t.url, 'intruder');
    const base = `/v1/webhooks/endpoints/${made.body.id}`;
    expect((await other.api.get(base)).status).toBe(404);
    expect((await other.api.patch(base, { enabled: false })).status).toBe(404);
    expect((await other.api.post(`${base}/test`)).status).toBe(404);
    expect((await other.api.post(`${base}/rotate-secret`)).status).toBe(404);
    expect((await other.api.get(`${base}/deliveries`)).status).toBe(404);
    expect((await other.api.get(`${base}/deliveries/${deliveryId}`)).status).toBe(404);
    expect((await other.api.post(`${base}/deliveries/${deliveryId}/redeliver`)).status).toBe(404);
    expect((await other.api.delete(base)).status).toBe(404);
    expect((await other.api.get('/v1/webhooks/endpoints')).body.data).toHaveLength(0);
    // The other organization's events never reach this endpoint.
    const otherHook = await other.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/theirs'),
      event_types: ['*'],
    });
    await other.api.post('/v1/invitations', { email: uniqueEmail('z'), role: 'viewer' });
    await waitFor(
      () => receiver.at('/theirs'),
      (r) => r.length === 1,
      'their delivery',
    );
    expect(receiver.at('/mine').every((r) => r.body.org_id === owner.orgId)).toBe(true);
    expect(receiver.at('/theirs')[0].body.org_id).toBe(other.orgId);
    expect(otherHook.status).toBe(201);
  });
});
