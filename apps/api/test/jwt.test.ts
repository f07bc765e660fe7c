import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { client } from '../../../test/support/client.ts';

const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'assay-api';
let t: TestApp;
let jwks: http.Server;
type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signingKey: Key;
let otherKey: Key;

async function token(
  claims: Record<string, unknown>,
  options: { key?: Key; alg?: string; expires?: string; iss?: string; aud?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: 'k1' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const port = (jwks.address() as AddressInfo).port;
  t = await startTestApp({
    env: {
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    },
  });
});
afterAll(async () => {
  await t?.close();
  jwks?.close();
});

describe('identity provider JWTs', () => {
  it('accepts a valid token, creating the user by auth_sub once', async () => {
    const jwt = await token({ sub: 'idp|123', email: 'Idp.User@example.test', name: 'Idp User' });
    const first = await client(t.url, { token: jwt }).get('/v1/me');
    expect(first.status).toBe(200);
    expect(first.body.user.email).toBe('idp.user@example.test');
    expect(first.body.current.method).toBe('jwt');
    const again = await client(t.url, {
      token: await token({ sub: 'idp|123', email: 'idp.user@example.test' }),
    }).get('/v1/me');
    expect(again.body.user.id).toBe(first.body.user.id);
    // The new user has no organization yet; creating one makes them its owner.
    const org = await client(t.url, { token: jwt }).post('/v1/orgs', { name: 'From IdP' });
    expect(org.status).toBe(201);
    const projects = await client(t.url, { token: jwt, orgId: org.body.id }).get('/v1/projects');
    expect(projects.status).toBe(200);
  });

  it('links an existing account only when the provider verified the email', async () => {
    const email = `linked-${Date.now()}@example.test`;
    const signup = await client(t.url).post('/v1/auth/signup', {
      email,
      password: 'correct horse battery',
      name: 'Linked',
    });
    const unverified = await client(t.url, { token: await token({ sub: 'idp|unverified', email }) }).get(
      '/v1/me',
    );
    expect(unverified.status).toBe(409);
    const verified = await client(t.url, {
      token: await token({ sub: 'idp|verified', email, email_verified: true }),
    }).get('/v1/me');
    expect(verified.status).toBe(200);
    expect(verified.body.user.id).toBe(signup.body.user.id);
  });

  it.each([
    ['signed by another key', () => token({ sub: 'x', email: 'x@example.test' }, { key: otherKey })],
    ['expired', () => token({ sub: 'x', email: 'x@example.test' }, { expires: '-10m' })],
    ['for another audience', () => token({ sub: 'x', email: 'x@example.test' }, { aud: 'someone-else' })],
    [
      'from another issuer',
      () => token({ sub: 'x', email: 'x@example.test' }, { iss: 'https://evil.example/' }),
    ],
    [
      'with alg none',
      async () => {
        const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', email: 'x@example.test', iss: ISSUER, aud: AUDIENCE, exp: now + 300 })}.`;
      },
    ],
    [
      'with HS256 using the public key as secret',
      async () =>
        new SignJWT({ sub: 'x', email: 'x@example.test' })
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('k1-secret-guess-k1-secret-guess-1234')),
    ],
  ])('refuses a token %s', async (_label, make) => {
    const res = await client(t.url, { token: await make() }).get('/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
