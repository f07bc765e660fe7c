import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiRateLimitedError, AiUnavailableError } from '../../src/ai/errors.ts';
import { backoffDelay, parseRetryAfter } from '../../src/ai/retry.ts';
import { FAKE_KEYS } from './fake-providers.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

const call = (model: string, orgId = newOrg()) =>
  h.client().generateText({ orgId, module: 'intel', model, prompt: 'Summarise the report.' });

/** Milliseconds between the arrivals of consecutive requests, measured by the server's clock. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('retries', () => {
  it('waits as long as a 429 Retry-After (in seconds) says, then succeeds', async () => {
    const arrivals: number[] = [];
    const replies = [{ status: 429, headers: { 'retry-after': '1' } }, { text: 'done' }];
    h.fake.on('gpt-4o', () => {
      arrivals.push(performance.now());
      return replies.shift() ?? { text: 'done' };
    });
    const orgId = newOrg();
    const result = await call('openai:gpt-4o', orgId);
    expect(result).toMatchObject({ text: 'done', attempts: 2 });
    // A lower bound only: the backoff alone (at most 20 ms here) could never wait this long.
    expect(gaps(arrivals)[0]).toBeGreaterThanOrEqual(950);
    expect(await h.usageRows(orgId)).toMatchObject([{ outcome: 'ok', attempts: 2 }]);
  });

  it('fails at once with AiRateLimitedError when Retry-After exceeds the cap, carrying the wait', async () => {
    h.fake.on('claude-opus-4-5', [{ status: 429, headers: { 'retry-after': '120' } }]);
    const orgId = newOrg();
    const error = await h
      .client()
      .generateText({ orgId, module: 'intel', model: 'anthropic:claude-opus-4-5', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiRateLimitedError);
    expect(error).toMatchObject({
      retryAfterMs: 120_000,
      code: 'RATE_LIMITED',
      headers: { 'retry-after': '120' },
    });
    expect(h.fake.requestsFor('claude-opus-4-5')).toHaveLength(1);
    expect(await h.usageRows(orgId)).toMatchObject([
      { outcome: 'error', errorCode: 'rate_limited', attempts: 1 },
    ]);
  });

  it('retries 500s with backoff up to the attempt limit, then throws AiUnavailableError', async () => {
    h.fake.on('gemini-2.0-flash', [{ status: 500 }]);
    const orgId = newOrg();
    const error = await call('google:gemini-2.0-flash', orgId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({ reason: 'server_error', code: 'SERVICE_UNAVAILABLE', provider: 'google' });
    expect(h.fake.requestsFor('gemini-2.0-flash')).toHaveLength(3);
    expect(await h.usageRows(orgId)).toMatchObject([
      { outcome: 'error', errorCode: 'server_error', attempts: 3, inputTokens: 0, costMicros: 0 },
    ]);
  });

  it('recovers when a 503 is followed by an answer', async () => {
    h.fake.on('gpt-5-mini', [{ status: 503 }, { text: 'fine', inputTokens: 100, outputTokens: 10 }]);
    const result = await call('openai:gpt-5-mini');
    expect(result).toMatchObject({ text: 'fine', attempts: 2, costMicros: Math.round(100 * 0.25 + 10 * 2) });
  });

  it('times out a slow response, retries it, and gives up with reason timeout', async () => {
    h.fake.on('slow-model', [{ delayMs: 5_000, text: 'too late' }]);
    const orgId = newOrg();
    const client = h.client({ timeoutMs: 150, maxAttempts: 2 });
    const error = await client
      .generateText({ orgId, module: 'intel', model: 'ollama:slow-model', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AiUnavailableError', reason: 'timeout' });
    expect(h.fake.requestsFor('slow-model')).toHaveLength(2);
    expect(await h.usageRows(orgId)).toMatchObject([{ outcome: 'error', errorCode: 'timeout', attempts: 2 }]);
  });

  it('answers after a timeout when the retry is quick', async () => {
    h.fake.on('sometimes-slow', [{ delayMs: 5_000, text: 'late' }, { text: 'quick' }]);
    const client = h.client({ timeoutMs: 150 });
    const result = await client.generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'ollama:sometimes-slow',
      prompt: 'x',
    });
    expect(result).toMatchObject({ text: 'quick', attempts: 2 });
  });

  it('takes a per-call timeout over the configured one', async () => {
    h.fake.on('per-call-timeout', [{ delayMs: 300, text: 'worth the wait' }]);
    const client = h.client({ timeoutMs: 100, maxAttempts: 1 });
    const params = { orgId: newOrg(), module: 'intel', model: 'ollama:per-call-timeout', prompt: 'x' };
    await expect(client.generateText(params)).rejects.toMatchObject({ reason: 'timeout' });
    await expect(client.generateText({ ...params, timeoutMs: 3_000 })).resolves.toMatchObject({
      text: 'worth the wait',
    });
  });

  it('does not retry a request the provider rejects (400)', async () => {
    h.fake.on('gpt-4o-mini', [{ status: 400, message: 'bad request' }]);
    const error = await call('openai:gpt-4o-mini').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AiUnavailableError', reason: 'rejected' });
    expect(h.fake.requestsFor('gpt-4o-mini')).toHaveLength(1);
  });

  it('keeps API keys out of logs and error messages, even when the provider echoes them', async () => {
    const client = h.client({
      openai: { apiKey: `${FAKE_KEYS.openai}-wrong`, baseUrl: `${h.fake.url}/openai/v1` },
    });
    const error = await client
      .generateText({ orgId: newOrg(), module: 'intel', model: 'openai:gpt-4.1', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'rejected',
      message: 'The openai provider rejected the request (status 401)',
    });
    const logged = h.logs.join('\n');
    expect(logged).toContain('Incorrect API key provided: [redacted]');
    for (const key of Object.values(FAKE_KEYS)) expect(logged).not.toContain(key);
  });
});

describe('retry timing rules', () => {
  it('reads Retry-After as seconds, as an HTTP date, and OpenAI retry-after-ms', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': '3' }, now)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': 'Tue, 01 Jan 2030 00:00:07 GMT' }, now)).toBe(7000);
    expect(parseRetryAfter({ 'retry-after': 'Mon, 31 Dec 2029 23:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter({}, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 100, 1000, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, 100, 1000, () => 0)).toBe(0);
  });
});
