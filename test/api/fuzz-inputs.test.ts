import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signUp } from '../support/client.ts';

/**
 * Every route of the server's route table gets generated hostile input: random JSON bodies, path
 * parameters, query strings and headers. The answer is never a 5xx, and every error is the envelope.
 */
let t: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.url, 'fuzz');
  // The fuzzer must not be stopped by its own rate limit.
  await t.platform.db.execute(
    (await import('drizzle-orm')).sql`update plans set rate_limit_per_minute = 1000000`,
  );
  t.platform.authCache.clear();
});
afterAll(async () => t?.close());

const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    "' OR 1=1 --",
    '<script>',
    '9'.repeat(400),
    '-1',
    'null',
    '[]',
    '{}',
  ),
  fc.uuid(),
  fc.integer().map(String),
);
const body = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), fc.string());
const query = fc.dictionary(
  fc.constantFrom('page[size]', 'page[cursor]', 'q', 'status', 'from', 'action', 'x'),
  weird,
  { maxKeys: 3 },
);

function problems(route: string, status: number, payload: unknown): string | undefined {
  if (status >= 500) return `${route}: ${status}`;
  if (status >= 400) {
    const error = (payload as { error?: Record<string, unknown> })?.error;
    if (
      !error ||
      typeof error.code !== 'string' ||
      typeof error.message !== 'string' ||
      typeof error.trace_id !== 'string' ||
      !Array.isArray(error.details)
    ) {
      return `${route}: ${status} without the error envelope: ${JSON.stringify(payload).slice(0, 200)}`;
    }
  }
  return undefined;
}

describe('generated invalid input on every route', () => {
  it('never answers 5xx, always the envelope', async () => {
    // Signing out would end the fuzzer's own session; it is covered by the auth tests.
    const routes = t.server.routes.filter(
      (r) => r.url.startsWith('/v1/') && r.config.auth !== 'public' && r.url !== '/v1/auth/signout',
    );
    expect(routes.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(weird, body, query, fc.boolean(), async (param, payload, q, rawText) => {
          const path = route.url.replace(/:(\w+)/g, () => encodeURIComponent(param));
          const search = new URLSearchParams(q as Record<string, string>).toString();
          const hasBody = !['GET', 'DELETE'].includes(route.method);
          const res = await owner.api.call(
            route.method,
            `${path}${search ? `?${search}` : ''}`,
            hasBody ? (rawText ? `{"broken": ${JSON.stringify(payload)}` : payload) : undefined,
          );
          const problem = problems(`${route.method} ${route.url}`, res.status, res.body);
          if (problem) found.push(problem);
          return true;
        }),
        { numRuns: 30, seed: 42 },
      );
    }
    expect(found).toEqual([]);
  });

  it('answers oversized bodies, unknown routes, wrong content types and bad headers with the envelope', async () => {
    const huge = { name: 'x'.repeat(t.platform.config.BODY_LIMIT_BYTES + 10) };
    const cases = [
      await owner.api.post('/v1/projects', huge),
      await owner.api.get('/v1/does-not-exist'),
      await owner.api.call('POST', '/v1/projects', 'name=x', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      await owner.api.call('POST', '/v1/projects', '{"name":', {}),
      await owner.api.get('/v1/projects', { 'x-org-id': 'not-a-uuid' }),
      await owner.api.get('/v1/projects?page[cursor]=garbage'),
      await owner.api.get('/v1/projects?page[size]=100000'),
    ];
    expect(cases.map((c) => c.status)).toEqual([413, 404, 415, 422, 422, 422, 422]);
    for (const c of cases) expect(problems('case', c.status, c.body)).toBeUndefined();
  });
});
