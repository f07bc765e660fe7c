import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMember, client, invitationToken, signUp } from '../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('organizations and members', () => {
  it('invites by email with a single-use token, and the member sees only their organization', async () => {
    const owner = await signUp(t.url, 'inviter');
    const other = await signUp(t.url, 'other-org');
    await other.api.post('/v1/projects', { name: 'not-yours' });
    const invitee = await signUp(t.url, 'invitee');
    const sent = await owner.api.post('/v1/invitations', { email: invitee.email, role: 'editor' });
    expect(sent.status).toBe(201);
    expect(JSON.stringify(sent.body)).not.toContain('ain_');
    const token = invitationToken(t.mail, invitee.email);

    const stranger = await signUp(t.url, 'stranger');
    const wrongPerson = await client(t.url, { token: stranger.token }).post('/v1/invitations/accept', {
      token,
    });
    expect(wrongPerson.status).toBe(403);

    const accepted = await client(t.url, { token: invitee.token }).post('/v1/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.role).toBe('editor');
    const again = await client(t.url, { token: invitee.token }).post('/v1/invitations/accept', { token });
    expect(again.status).toBe(410);

    const asMember = client(t.url, { token: invitee.token, orgId: owner.orgId });
    const members = await asMember.get('/v1/members');
    expect(members.body.data.map((m: { email: string }) => m.email).sort()).toEqual(
      [owner.email, invitee.email].sort(),
    );
    const otherOrg = await client(t.url, { token: invitee.token, orgId: other.orgId }).get('/v1/projects');
    expect(otherOrg.status).toBe(404);
  });

  it("holds members and pending invitations to the plan's seats, and rechecks on acceptance", async () => {
    const owner = await signUp(t.url, 'seats');
    const invite = (email: string) => owner.api.post('/v1/invitations', { email, role: 'viewer' });
    // The free plan has 5 seats: the owner and four invitations.
    const people = await Promise.all([1, 2, 3, 4].map((n) => signUp(t.url, `seat-${n}`)));
    for (const person of people) expect((await invite(person.email)).status).toBe(201);
    const fifth = await invite(`seat-5-${Date.now()}@example.test`);
    expect(fifth.status).toBe(402);
    expect(fifth.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'members.seats', limit: 5, used: 5, requested: 1, resets_at: null },
    });
    // Sending an invitation again to the same person replaces it, taking no new seat.
    expect((await invite(people[0].email)).status).toBe(201);
    // The plan shrinks to 3 seats: two invitations are accepted, the third no longer fits.
    await t.platform.db.execute(
      (await import('drizzle-orm'))
        .sql`insert into plans (id, name, rank, prices, seats, rate_limit_per_minute,
        retention_days, quotas) select 'free-3', 'Free (3 seats)', 0, prices, 3, rate_limit_per_minute,
        retention_days, quotas || '{"members.seats": 3}'::jsonb from plans where id = 'free'`,
    );
    await t.platform.db.execute(
      (await import('drizzle-orm'))
        .sql`update organizations set plan_id = 'free-3' where id = ${owner.orgId}`,
    );
    t.platform.authCache.clear();
    const accept = (person: (typeof people)[number]) =>
      client(t.url, { token: person.token }).post('/v1/invitations/accept', {
        token: invitationToken(t.mail, person.email),
      });
    expect((await accept(people[1])).status).toBe(200);
    expect((await accept(people[2])).status).toBe(200);
    const over = await accept(people[3]);
    expect(over.status).toBe(402);
    expect(over.body.error.quota).toMatchObject({ metric: 'members.seats', limit: 3, used: 3 });
    expect((await owner.api.get('/v1/members')).body.data).toHaveLength(3);
  });

  it('expired invitations cannot be accepted', async () => {
    const owner = await signUp(t.url, 'exp-owner');
    const invitee = await signUp(t.url, 'exp-invitee');
    await owner.api.post('/v1/invitations', { email: invitee.email, role: 'viewer' });
    await t.platform.database.query(
      (await import('drizzle-orm'))
        .sql`update invitations set expires_at = now() - interval '1 minute' where email = ${invitee.email}`,
    );
    const res = await client(t.url, { token: invitee.token }).post('/v1/invitations/accept', {
      token: invitationToken(t.mail, invitee.email),
    });
    expect(res.status).toBe(410);
  });

  it('changes roles, removes members, lets members leave, and protects the last owner', async () => {
    const owner = await signUp(t.url, 'boss');
    const admin = await addMember(t.url, owner, t.mail, 'admin');
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');

    expect((await owner.api.delete(`/v1/members/${owner.userId}`)).status).toBe(409);
    expect((await owner.api.patch(`/v1/members/${owner.userId}`, { role: 'admin' })).status).toBe(409);
    expect((await owner.api.post('/v1/members/leave')).status).toBe(409);
    // An admin cannot demote an owner or make someone an owner.
    expect((await admin.api.patch(`/v1/members/${owner.userId}`, { role: 'viewer' })).status).toBe(403);
    expect((await admin.api.patch(`/v1/members/${viewer.userId}`, { role: 'owner' })).status).toBe(403);

    const promoted = await admin.api.patch(`/v1/members/${viewer.userId}`, { role: 'editor' });
    expect(promoted.status).toBe(200);
    expect((await viewer.api.post('/v1/projects', { name: 'now-allowed' })).status).toBe(201);

    expect((await owner.api.patch(`/v1/members/${admin.userId}`, { role: 'owner' })).status).toBe(200);
    expect((await owner.api.post('/v1/members/leave')).status).toBe(204);
    expect((await owner.api.get('/v1/projects')).status).toBe(404);

    expect((await admin.api.delete(`/v1/members/${viewer.userId}`)).status).toBe(204);
    expect((await viewer.api.get('/v1/projects')).status).toBe(404);

    const audit = await admin.api.get('/v1/audit-logs?action=member.*');
    const actions = audit.body.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'member.invite',
        'member.join',
        'member.role_change',
        'member.leave',
        'member.remove',
      ]),
    );
  });
});
