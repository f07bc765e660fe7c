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

// Reserves ARGV[i] requests on each key in one round trip; returns each key's count and TTL.
const LEASE_SCRIPT = `
local out = {}
local n = #KEYS
for i, key in ipairs(KEYS) do
  local amount = tonumber(ARGV[i])
  local count = redis.call('INCRBY', key, amount)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[n + i]); ttl = tonumber(ARGV[n + i]) end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`;

interface Lease {
  resetAt: number;
  /** Requests reserved in Redis and not yet used by this process. */
  left: number;
  /** The key's count in Redis after our last reservation. */
  count: number;
}

/**
 * Fixed windows shared through Redis. Each process reserves a small slice of a limit at a time (5%,
 * at most 100) and serves requests from it locally, so most requests cost no round trip; a limit
 * of 20 or less is counted request by request. Across processes the limit holds exactly: slices are
 * taken with INCRBY, and a slice left unused at the end of a window only makes the limit stricter.
 */
export function createRedisRateLimiter(
  redis: Redis,
  prefix = 'assay:rl:',
  options: { sliceFraction?: number; maxSlice?: number } = {},
): RateLimiter {
  redis.defineCommand('assayRateLimitLease', { lua: LEASE_SCRIPT });
  const fraction = options.sliceFraction ?? 0.05;
  const maxSlice = options.maxSlice ?? 100;
  const leases = new Map<string, Lease>();
  const sliceOf = (limit: number) => Math.max(1, Math.min(maxSlice, Math.floor(limit * fraction)));
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [key, lease] of leases) if (lease.resetAt <= now) leases.delete(key);
  }, 60_000);
  sweeper.unref();

  const leaseFor = (key: string, now: number) => {
    const lease = leases.get(key);
    return lease && lease.resetAt > now ? lease : undefined;
  };

  /** Reserves slices for these rules in one round trip, adding them to what this process holds. */
  async function renew(rules: RateLimitRule[], keys: string[], now: number) {
    const amounts = rules.map((rule) => String(sliceOf(rule.limit)));
    const ttls = rules.map((rule) => String(rule.windowSeconds * 1000));
    const raw = (await (redis as any).assayRateLimitLease(
      keys.length,
      ...keys,
      ...amounts,
      ...ttls,
    )) as number[];
    rules.forEach((rule, j) => {
      const count = Number(raw[j * 2]);
      const slice = Number(amounts[j]);
      const granted = Math.max(0, Math.min(slice, rule.limit - (count - slice)));
      const held = leaseFor(keys[j], now);
      if (held) {
        held.left += granted;
        held.count = Math.max(held.count, count);
      } else {
        leases.set(keys[j], { resetAt: now + Number(raw[j * 2 + 1]), left: granted, count });
      }
    });
  }

  return {
    async hit(rules) {
      const keys = rules.map((r) => `${prefix}${r.key}:${r.windowSeconds}`);
      // Check and take in one synchronous step; only the refills wait, and a few retries cover
      // concurrent requests that drained a fresh slice while this one waited for it.
      for (let attempt = 0; ; attempt++) {
        const now = Date.now();
        const held = keys.map((key) => leaseFor(key, now));
        const empty = rules
          .map((rule, i) => ({ rule, key: keys[i], lease: held[i] }))
          .filter(({ rule, lease }) => !lease || (lease.left <= 0 && lease.count < rule.limit));
        if (empty.length > 0 && attempt < 3) {
          await renew(
            empty.map((e) => e.rule),
            empty.map((e) => e.key),
            now,
          );
          continue;
        }
        const counts = rules.map((rule, i) => {
          const lease = held[i] ?? { resetAt: now + rule.windowSeconds * 1000, left: 0, count: rule.limit };
          const allowed = lease.left > 0;
          if (allowed) lease.left -= 1;
          return {
            count: allowed ? Math.min(rule.limit, lease.count - lease.left) : rule.limit + 1,
            ttlMs: lease.resetAt - now,
          };
        });
        return combine(rules, counts, now);
      }
    },
    async close() {
      clearInterval(sweeper);
    },
  };
}
