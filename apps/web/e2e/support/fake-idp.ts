import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** What the fake provider was asked to do, so tests can replay or inspect it. */
interface Grant {
  redirectUri: string;
  challenge: string;
  nonce: string;
  email: string;
  used: boolean;
}

export interface FakeIdpOptions {
  clientId: string;
  clientSecret: string;
  /** The API's audience for access tokens. */
  apiAudience: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

/**
 * A minimal OpenID Connect provider on loopback: discovery, an authorize endpoint with a one-field
 * login form, a token endpoint (client_secret_basic, PKCE S256, single-use codes) issuing RS256 tokens
 * signed with a key made here, the JWKS, and an end_session endpoint.
 */
export async function startFakeIdp(options: FakeIdpOptions) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const state = {
    /** Every redirect back to the client with a code (the callback URLs). */
    callbacks: [] as string[],
    /** Token requests refused, with the reason. */
    refusals: [] as string[],
    /** End-session requests received. */
    signOuts: [] as URLSearchParams[],
    /** How long issued tokens live. */
    tokenSeconds: 300,
  };
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + state.tokenSeconds)
      .sign(privateKey);

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  function authorizePage(res: ServerResponse, q: URLSearchParams) {
    if (q.get('client_id') !== options.clientId || q.get('code_challenge_method') !== 'S256')
      return json(res, 400, { error: 'invalid_request' });
    const hidden = ['redirect_uri', 'state', 'nonce', 'code_challenge']
      .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Test IdP</title><main><h1>Test IdP</h1>
      <form method="post" action="/authorize">${hidden}
      <label>Email <input name="email" type="email" required></label>
      <button type="submit">Continue</button></form></main></html>`);
  }

  async function approve(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const code = randomBytes(16).toString('base64url');
    grants.set(code, {
      redirectUri: form.get('redirect_uri') ?? '',
      challenge: form.get('code_challenge') ?? '',
      nonce: form.get('nonce') ?? '',
      email: form.get('email') ?? '',
      used: false,
    });
    const back = new URL(form.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', form.get('state') ?? '');
    state.callbacks.push(back.toString());
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const refuse = (reason: string) => {
      state.refusals.push(reason);
      json(res, 400, { error: 'invalid_grant', error_description: reason });
    };
    const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== basic) return json(res, 401, { error: 'invalid_client' });
    const grant = grants.get(form.get('code') ?? '');
    if (!grant) return refuse('unknown code');
    if (grant.used) return refuse('code already used');
    grant.used = true;
    if (grant.redirectUri !== form.get('redirect_uri')) return refuse('redirect_uri mismatch');
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    if (challenge !== grant.challenge) return refuse('PKCE verifier mismatch');
    const sub = `test|${grant.email}`;
    const name = grant.email.split('@')[0];
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: state.tokenSeconds,
      id_token: await sign({ sub, email: grant.email, name, nonce: grant.nonce }, options.clientId),
      access_token: await sign(
        { sub, email: grant.email, scope: 'openid email profile' },
        options.apiAudience,
      ),
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration')
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    if (route === 'GET /jwks') return json(res, 200, { keys: [jwk] });
    if (route === 'GET /authorize') return authorizePage(res, url.searchParams);
    if (route === 'POST /authorize') return void approve(req, res);
    if (route === 'POST /token') return void token(req, res);
    if (route === 'GET /logout') {
      state.signOuts.push(url.searchParams);
      res.writeHead(302, { location: url.searchParams.get('post_logout_redirect_uri') ?? issuer });
      return res.end();
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
