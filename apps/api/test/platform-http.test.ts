import { buildServer } from '@assay/api';
import { Validator } from '@seriousme/openapi-schema-validator';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { client, signUp } from '../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('platform HTTP surface', () => {
  it('serves a valid OpenAPI 3.1 document and the reference page', async () => {
    const spec = await client(t.url).get('/v1/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(spec.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/v1/projects', '/v1/jobs/{id}', '/v1/exports']),
    );
    const docs = await fetch(`${t.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<html');
  });

  it('answers /health and /ready with each dependency named', async () => {
    expect((await client(t.url).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await client(t.url).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ database: 'ok', queue: 'ok', storage: 'ok' });
  });

  it('exposes Prometheus metrics with route latency', async () => {
    await client(t.url).get('/health');
    const res = await fetch(`${t.url}/metrics`);
    const text = await res.text();
    expect(text).toContain('assay_http_request_duration_seconds_bucket');
    expect(text).toContain('route="/health"');
    expect(text).toContain('assay_queue_depth');
  });

  it('sends security headers, honours the CORS allowlist, and carries trace ids', async () => {
    const web = t.platform.config.corsOrigins[0];
    const res = await fetch(`${t.url}/health`, { headers: { origin: web } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBe(web);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
    expect(res.headers.get('vary')).toContain('Origin');
    // Errors carry them too, and the reference page gets a policy that lets it run its scripts.
    const missing = await fetch(`${t.url}/v1/nope`, { headers: { origin: web } });
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    expect(missing.headers.get('access-control-allow-origin')).toBe(web);
    const docs = await fetch(`${t.url}/docs`);
    expect(docs.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    for (const headers of [{ origin: 'https://evil.example' }, {}]) {
      const other = await fetch(`${t.url}/health`, { headers });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.headers.get('access-control-allow-credentials')).toBeNull();
      expect(other.headers.get('vary')).toContain('Origin');
    }
    const traced = await client(t.url).get('/v1/nope', {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(traced.body.error.trace_id).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('answers CORS preflights before authentication, for allowed origins only', async () => {
    const web = t.platform.config.corsOrigins[0];
    const preflight = (origin: string, path = '/v1/projects') =>
      fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-org-id',
        },
      });
    const ok = await preflight(web);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(web);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('X-Org-Id');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    expect((await preflight(web, '/v1/projects/some-id/anything')).status).toBe(204);
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-methods')).toBeNull();
    expect(evil.status).toBe(404);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('logs one JSON line per request with request, trace, org and user ids, and no secrets', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = await buildServer({ ...t.platform, logger }, { logger: true });
    const url = await logged.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const owner = await signUp(t.url, 'logged');
      const res = await fetch(`${url}/v1/projects?page[size]=5&secret=qs-secret-value`, {
        headers: {
          authorization: `Bearer ${owner.token}`,
          'x-org-id': owner.orgId,
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
      });
      expect(res.status).toBe(200);
      await logged.app.close();
      const entries = lines.map((line) => JSON.parse(line));
      const completed = entries.filter((e) => e.msg === 'request completed');
      expect(completed).toHaveLength(1);
      expect(completed[0]).toMatchObject({
        reqId: expect.any(String),
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        org_id: owner.orgId,
        user_id: owner.userId,
        method: 'GET',
        route: '/v1/projects',
        status: 200,
        duration_ms: expect.any(Number),
      });
      expect(entries.some((e) => e.msg === 'incoming request')).toBe(false);
      const all = lines.join('');
      expect(all).not.toContain(owner.token);
      expect(all).not.toContain('qs-secret-value');
    } finally {
      await logged.app.close();
    }
  });

  it('rate-limits per organization with the three headers and Retry-After', async () => {
    const owner = await signUp(t.url, 'limited');
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set rate_limit_per_minute = 5`,
    );
    t.platform.authCache.clear();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof owner.api.get>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await owner.api.get('/v1/projects');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('5');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set rate_limit_per_minute = 600`,
    );
    t.platform.authCache.clear();
  });
});
