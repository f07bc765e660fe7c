import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../src/log-redaction.ts';

describe('log redaction', () => {
  it('censors secret keys at the top level and one object down', () => {
    const fields = {
      password: 'p',
      token: 't',
      secret: 's',
      key: 'k',
      apiKey: 'a',
      authorization: 'Bearer x',
      cookie: 'c',
      user: { email: 'u@example.com', password: 'p2', token: 't2', secret: 's2', apiKey: 'a2', key: 'kept' },
      msgCount: 3,
    };
    expect(redactSecrets(fields)).toEqual({
      password: REDACTED,
      token: REDACTED,
      secret: REDACTED,
      key: REDACTED,
      apiKey: REDACTED,
      authorization: REDACTED,
      cookie: REDACTED,
      user: {
        email: 'u@example.com',
        password: REDACTED,
        token: REDACTED,
        secret: REDACTED,
        apiKey: REDACTED,
        key: 'kept',
      },
      msgCount: 3,
    });
  });

  it('censors credentials in request and response headers', () => {
    const fields = {
      req: {
        method: 'GET',
        headers: { authorization: 'Bearer x', cookie: 'c', 'x-api-key': 'k', accept: '*/*' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': 'sid=1', 'content-type': 'application/json' } },
    };
    expect(redactSecrets(fields)).toEqual({
      req: {
        method: 'GET',
        headers: { authorization: REDACTED, cookie: REDACTED, 'x-api-key': REDACTED, accept: '*/*' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': REDACTED, 'content-type': 'application/json' } },
    });
  });

  it('never changes the objects it was given, and passes clean ones on as they are', () => {
    const user = { id: 'u1', password: 'p' };
    const headers = { authorization: 'Bearer x' };
    const fields = { user, req: { headers } };
    const out = redactSecrets(fields);
    expect(out.user).toEqual({ id: 'u1', password: REDACTED });
    expect(user.password).toBe('p');
    expect(headers.authorization).toBe('Bearer x');
    expect(fields.user).toBe(user);
    const clean = { method: 'GET', route: '/v1/projects', status: 200, nested: { id: 1 } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('keeps the message and stack of an error that carries a secret', () => {
    const error = Object.assign(new Error('upstream refused'), { token: 'leaked', code: 'E_UP' });
    const out = redactSecrets({ err: error }) as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ message: 'upstream refused', token: REDACTED, code: 'E_UP' });
    expect(String(out.err.stack)).toContain('upstream refused');
    expect(error.token).toBe('leaked');
    const plain = new Error('no secret');
    const kept = { err: plain };
    expect(redactSecrets(kept)).toBe(kept);
  });

  it('ignores inherited keys, and does not walk arrays or bytes', () => {
    const inherited = Object.create({ password: 'p' }) as Record<string, unknown>;
    inherited.id = 1;
    const fields = { inherited, list: [{ password: 'in an array' }], bytes: Buffer.alloc(1 << 20) };
    expect(redactSecrets(fields)).toBe(fields);
  });
});
