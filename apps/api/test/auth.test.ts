import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { client, PASSWORD, signUp, uniqueEmail } from '../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('built-in accounts', () => {
  it('signs up, signs in with a cookie and a bearer token, and signs out', async () => {
    const email = uniqueEmail();
    const anon = client(t.url);
    const up = await anon.post('/v1/auth/signup', { email, password: PASSWORD, name: 'Ada' });
    expect(up.status).toBe(201);
    expect(up.body.memberships).toHaveLength(1);
    expect(up.body.memberships[0].role).toBe('owner');
    expect(up.headers.get('set-cookie')).toMatch(/assay_session=.*HttpOnly.*SameSite=Lax/i);

    const duplicate = await anon.post('/v1/auth/signup', {
      email: email.toUpperCase(),
      password: PASSWORD,
      name: 'Ada',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('CONFLICT');

    const wrong = await anon.post('/v1/auth/signin', { email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'UNAUTHENTICATED', trace_id: expect.any(String) });
    const unknown = await anon.post('/v1/auth/signin', { email: uniqueEmail(), password: 'whatever123' });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);

    const signin = await anon.post('/v1/auth/signin', { email, password: PASSWORD });
    expect(signin.status).toBe(200);
    const cookie = signin.headers.get('set-cookie')!.split(';')[0];
    const viaCookie = await anon.get('/v1/me', { cookie });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.user.email).toBe(email);

    const me = client(t.url, { token: signin.body.token });
    expect((await me.get('/v1/me')).status).toBe(200);
    expect((await me.post('/v1/auth/signout')).status).toBe(204);
    const after = await me.get('/v1/me');
    expect(after.status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const email = uniqueEmail();
    const up = await client(t.url).post('/v1/auth/signup', { email, password: PASSWORD, name: 'Csrf' });
    const cookie = up.headers.get('set-cookie')!.split(';')[0];
    const evil = await client(t.url).post(
      '/v1/projects',
      { name: 'x' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
    const good = await client(t.url).post(
      '/v1/projects',
      { name: 'x' },
      { cookie, origin: t.platform.config.corsOrigins[0] },
    );
    expect(good.status).toBe(201);
  });

  it('rate-limits sign-in attempts per email', async () => {
    const email = uniqueEmail();
    const anon = client(t.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await anon.post('/v1/auth/signin', { email, password: 'wrong-password' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await anon.post('/v1/auth/signin', { email, password: 'wrong-password' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits sign-in per visitor address when a trusted proxy on loopback (the web app) forwards it', async () => {
    const anon = client(t.url);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push(
        (
          await anon.post(
            '/v1/auth/signin',
            { email: uniqueEmail(), password: 'wrong-password' },
            from('203.0.113.7'),
          )
        ).status,
      );
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await anon.post(
      '/v1/auth/signin',
      { email: uniqueEmail(), password: 'wrong-password' },
      from('203.0.113.7'),
    );
    expect(limited.status).toBe(429);
    // Another visitor behind the same web app is not held back by the first one's attempts.
    const other = await anon.post(
      '/v1/auth/signin',
      { email: uniqueEmail(), password: 'wrong-password' },
      from('203.0.113.8'),
    );
    expect(other.status).toBe(401);
  });

  it('expires sessions', async () => {
    const user = await signUp(t.url, 'expiring');
    await t.platform.database.query(
      (await import('drizzle-orm')).sql`update sessions set expires_at = now() - interval '1 second'`,
    );
    t.platform.authCache.clear();
    const res = await user.api.get('/v1/me');
    expect(res.status).toBe(401);
  });
});

describe('API keys', () => {
  it('are shown once, scoped, and stop working the moment they are revoked', async () => {
    const owner = await signUp(t.url);
    const created = await owner.api.post('/v1/api-keys', {
      name: 'ci',
      scopes: ['projects:read'],
      role: 'editor',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^ask_/);
    const list = await owner.api.get('/v1/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.data[0].prefix).toBe(created.body.secret.slice(0, 12));

    const key = client(t.url, { token: created.body.secret });
    const read = await key.get('/v1/projects');
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-limit')).toBeTruthy();
    const write = await key.post('/v1/projects', { name: 'nope' });
    expect(write.status).toBe(403);
    const viaHeader = await client(t.url, { headers: { 'x-api-key': created.body.secret } }).get(
      '/v1/projects',
    );
    expect(viaHeader.status).toBe(200);

    expect((await owner.api.delete(`/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await key.get('/v1/projects');
    expect(revoked.status).toBe(401);
  });

  it('cannot be stronger than their creator, and expire', async () => {
    const owner = await signUp(t.url);
    const past = await owner.api.post('/v1/api-keys', {
      name: 'old',
      scopes: ['*'],
      expires_at: '2001-01-01T00:00:00Z',
    });
    expect(past.status).toBe(422);
    const soon = await owner.api.post('/v1/api-keys', {
      name: 'soon',
      scopes: ['*'],
      expires_at: new Date(Date.now() + 1500).toISOString(),
    });
    expect(soon.status).toBe(201);
    const key = client(t.url, { token: soon.body.secret });
    expect((await key.get('/v1/projects')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await key.get('/v1/projects')).status).toBe(401);
    const badScope = await owner.api.post('/v1/api-keys', { name: 'bad', scopes: ['root:all'] });
    expect(badScope.status).toBe(422);
  });

  it('rejects unknown tokens and malformed authorization headers', async () => {
    expect((await client(t.url, { token: 'ask_notakey' }).get('/v1/projects')).status).toBe(401);
    expect((await client(t.url).get('/v1/projects', { authorization: 'Basic abc' })).status).toBe(401);
    expect((await client(t.url).get('/v1/projects')).status).toBe(401);
  });
});
