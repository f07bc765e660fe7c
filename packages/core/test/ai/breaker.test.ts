import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/ai/breaker.ts';
import { AiCircuitOpenError, AiUnavailableError } from '../../src/ai/errors.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

/** A clock the test moves by hand, so cool-downs pass without waiting. */
const manualClock = () => {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
};

describe('circuit breaker per provider', () => {
  it('opens after N consecutive 500s, fails fast, half-opens after the cool-down and closes on success', async () => {
    const clock = manualClock();
    const client = h.client(
      { maxAttempts: 1, breakerThreshold: 3, breakerCooldownMs: 10_000 },
      { now: clock.now },
    );
    let healthy = false;
    h.fake.on('gpt-4.1-nano', () => (healthy ? { text: 'back' } : { status: 500 }));
    const orgId = newOrg();
    const ask = () =>
      client.generateText({ orgId, module: 'intel', model: 'openai:gpt-4.1-nano', prompt: 'x' });

    for (let i = 0; i < 3; i++) await expect(ask()).rejects.toMatchObject({ reason: 'server_error' });
    expect(client.available('openai:gpt-4.1-nano')).toBe(false);

    const open = await ask().catch((e: unknown) => e);
    expect(open).toBeInstanceOf(AiCircuitOpenError);
    expect(open).toBeInstanceOf(AiUnavailableError);
    expect(open).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterMs: 10_000,
      headers: { 'retry-after': '10' },
    });
    expect(h.fake.requestsFor('gpt-4.1-nano')).toHaveLength(3);
    // Other providers keep working while OpenAI's circuit is open.
    h.fake.on('gemini-2.5-flash-lite', [{ text: 'google is fine' }]);
    await expect(
      client.generateText({ orgId, module: 'intel', model: 'google:gemini-2.5-flash-lite', prompt: 'x' }),
    ).resolves.toMatchObject({ text: 'google is fine' });

    clock.advance(10_000);
    expect(client.available('openai:gpt-4.1-nano')).toBe(true);
    healthy = true;
    await expect(ask()).resolves.toMatchObject({ text: 'back' });
    await expect(ask()).resolves.toMatchObject({ text: 'back' });
    expect(h.fake.requestsFor('gpt-4.1-nano')).toHaveLength(5);

    const rows = await h.usageRows(orgId);
    expect(
      rows.filter((r) => r.provider === 'openai').map((r) => [r.outcome, r.errorCode, r.attempts]),
    ).toEqual([
      ['error', 'server_error', 1],
      ['error', 'server_error', 1],
      ['error', 'server_error', 1],
      ['error', 'circuit_open', 0],
      ['ok', null, 1],
      ['ok', null, 1],
    ]);
  });

  it('re-opens when the half-open trial fails', async () => {
    const clock = manualClock();
    const client = h.client(
      { maxAttempts: 1, breakerThreshold: 2, breakerCooldownMs: 5_000 },
      { now: clock.now },
    );
    h.fake.on('claude-opus-4-1', [{ status: 529 }]);
    const ask = () =>
      client.generateText({
        orgId: newOrg(),
        module: 'intel',
        model: 'anthropic:claude-opus-4-1',
        prompt: 'x',
      });
    await expect(ask()).rejects.toMatchObject({ reason: 'server_error' });
    await expect(ask()).rejects.toMatchObject({ reason: 'server_error' });
    await expect(ask()).rejects.toBeInstanceOf(AiCircuitOpenError);
    clock.advance(5_000);
    await expect(ask()).rejects.toMatchObject({ reason: 'server_error' });
    await expect(ask()).rejects.toBeInstanceOf(AiCircuitOpenError);
    expect(h.fake.requestsFor('claude-opus-4-1')).toHaveLength(3);
  });

  it('counts failures across the retries of one call, and stops retrying once open', async () => {
    const client = h.client({ maxAttempts: 5, breakerThreshold: 2, breakerCooldownMs: 60_000 });
    h.fake.on('gemini-2.5-pro-down', [{ status: 500 }]);
    const error = await client
      .generateText({ orgId: newOrg(), module: 'intel', model: 'google:gemini-2.5-pro-down', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiCircuitOpenError);
    expect(h.fake.requestsFor('gemini-2.5-pro-down')).toHaveLength(2);
  });

  it('does not count rate limiting against the provider', async () => {
    const client = h.client({ maxAttempts: 1, breakerThreshold: 2 });
    h.fake.on('gpt-5-nano', [{ status: 429 }]);
    const ask = () =>
      client.generateText({ orgId: newOrg(), module: 'intel', model: 'openai:gpt-5-nano', prompt: 'x' });
    for (let i = 0; i < 3; i++) await expect(ask()).rejects.toMatchObject({ reason: 'rate_limited' });
    expect(client.available('openai:gpt-5-nano')).toBe(true);
  });
});

describe('CircuitBreaker', () => {
  it('lets exactly one trial through while half-open', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ name: 'p', threshold: 1, cooldownMs: 100, now: clock.now });
    breaker.enter();
    breaker.failure();
    expect(breaker.state).toBe('open');
    clock.advance(100);
    expect(breaker.state).toBe('half-open');
    breaker.enter();
    expect(() => breaker.enter()).toThrow(AiCircuitOpenError);
    breaker.success();
    expect(breaker.state).toBe('closed');
    breaker.enter();
    breaker.enter();
  });

  it('resets the failure count on success', () => {
    const breaker = new CircuitBreaker({ name: 'p', threshold: 2, cooldownMs: 100 });
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe('closed');
    breaker.failure();
    expect(breaker.state).toBe('open');
  });
});
