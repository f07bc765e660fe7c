import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, TEST_REDIS_URL } from '../../../../test/support/services.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from '../../src/rate-limit.ts';

const hasRedis = await redisAvailable();
let redis: Redis;
beforeAll(() => {
  if (hasRedis) redis = new Redis(TEST_REDIS_URL);
});
afterAll(() => redis?.disconnect());

async function burst(limiters: RateLimiter[], key: string, limit: number, requests: number) {
  const results = await Promise.all(
    Array.from({ length: requests }, (_, i) =>
      limiters[i % limiters.length].hit([{ key, limit, windowSeconds: 60 }]),
    ),
  );
  return results;
}

describe.each([
  [
    'Redis, sliced leases',
    () => (hasRedis ? [createRedisRateLimiter(redis, `t:${randomBytes(4).toString('hex')}:`)] : []),
  ],
  ['in-process', () => [createMemoryRateLimiter()]],
])('%s', (_name, make) => {
  it('admits exactly the limit, then refuses with a retry time, even in a burst', async () => {
    const limiters = make();
    if (limiters.length === 0) return;
    const results = await burst(limiters, 'burst', 250, 400);
    expect(results.filter((r) => r.allowed)).toHaveLength(250);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.resetAt).toBeGreaterThan(Date.now() / 1000);
  });
});

describe.runIf(hasRedis)('Redis limiter across processes', () => {
  it('holds the limit exactly when several processes share it', async () => {
    const prefix = `t:${randomBytes(4).toString('hex')}:`;
    const processes = [
      createRedisRateLimiter(redis, prefix),
      createRedisRateLimiter(redis, prefix),
      createRedisRateLimiter(redis, prefix),
    ];
    const results = await burst(processes, 'shared', 600, 900);
    expect(results.filter((r) => r.allowed).length).toBeLessThanOrEqual(600);
    // Slices held but unused by one process are the only admissions lost: at most one slice each.
    expect(results.filter((r) => r.allowed).length).toBeGreaterThanOrEqual(600 - 3 * 30);
  });

  it('counts small limits request by request and reports the tightest rule', async () => {
    const limiter = createRedisRateLimiter(redis, `t:${randomBytes(4).toString('hex')}:`);
    const rules = [
      { key: 'org', limit: 10, windowSeconds: 60 },
      { key: 'key', limit: 3, windowSeconds: 60 },
    ];
    const first = await limiter.hit(rules);
    expect(first).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    await limiter.hit(rules);
    await limiter.hit(rules);
    const fourth = await limiter.hit(rules);
    expect(fourth).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
  });
});
