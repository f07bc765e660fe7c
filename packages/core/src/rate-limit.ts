import type { Redis } from 'ioredis';

export interface RateLimitRule {
  /** Counter name, for example `org:<id>` or `key:<id>`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** The tightest rule's limit, remaining count and reset time (epoch seconds): what the headers show. */
  limit: number;
  remaining: number;
  resetAt: number;
  retryAfterSeconds: number;
}

/** Fixed-window counters; several rules are checked together and the request counts against all. */
export interface RateLimiter {
  hit(rules: RateLimitRule[]): Promise<RateLimitResult>;
  close(): Promise<void>;
}

function combine(
  rules: RateLimitRule[],
  counts: { count: number; ttlMs: number }[],
  now: number,
): RateLimitResult {
  const results = rules.map(
    (rule, i): RateLimitResult => ({
      allowed: counts[i].count <= rule.limit,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - counts[i].count),
      resetAt: Math.ceil((now + counts[i].ttlMs) / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil(counts[i].ttlMs / 1000)),
    }),
  );
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length > 0)
    return blocked.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  return results.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

export function createMemoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, 60_000);
  sweeper.unref();
  return {
    async hit(rules) {
      const now = Date.now();
      const counts = rules.map((rule) => {
        let window = windows.get(rule.key);
        if (!window || window.resetAt <= now) {
          window = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
          windows.set(rule.key, window);
        }
        window.count += 1;
        return { count: window.count, ttlMs: window.resetAt - now };
      });
      return combine(rules, counts, now);
    },
    async close() {
      clearInterval(sweeper);
    },
  };
}

// One round trip for all rules: INCR each key, set its expiry on first hit, return counts and TTLs.
const SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[i]); ttl = tonumber(ARGV[i]) end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`;

export function createRedisRateLimiter(redis: Redis, prefix = 'assay:rl:'): RateLimiter {
  redis.defineCommand('assayRateLimit', { lua: SCRIPT });
  return {
    async hit(rules) {
      const now = Date.now();
      const keys = rules.map((r) => `${prefix}${r.key}:${r.windowSeconds}`);
      const args = rules.map((r) => String(r.windowSeconds * 1000));
      const raw = (await (redis as any).assayRateLimit(keys.length, ...keys, ...args)) as number[];
      const counts = rules.map((_, i) => ({ count: Number(raw[i * 2]), ttlMs: Number(raw[i * 2 + 1]) }));
      return combine(rules, counts, now);
    },
    async close() {},
  };
}
