import net from 'node:net';

/**
 * Which real services the suite uses. Postgres and Redis on loopback are used when they answer;
 * `ASSAY_TEST_EMBEDDED=1` forces PGlite and the in-process/pg-boss paths (CI runs the contract
 * suites that way too). `ASSAY_TEST_REQUIRE_SERVICES=1` (set by .ci/run) turns an absent service
 * into a failure instead of a fallback.
 */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const EMBEDDED_ONLY = process.env.ASSAY_TEST_EMBEDDED === '1';
const REQUIRE = process.env.ASSAY_TEST_REQUIRE_SERVICES === '1';

function answers(url: string, fallbackPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port) || fallbackPort });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function available(name: string, url: string, port: number): Promise<boolean> {
  if (EMBEDDED_ONLY) return false;
  const ok = await answers(url, port);
  if (!ok && REQUIRE) throw new Error(`${name} at ${url} does not answer, and ASSAY_TEST_REQUIRE_SERVICES=1`);
  if (!ok) console.warn(`[tests] ${name} at ${url} does not answer: using the embedded fallback`);
  return ok;
}

export const postgresAvailable = () => available('PostgreSQL', TEST_PG_URL, 5432);
export const redisAvailable = () => available('Redis', TEST_REDIS_URL, 6379);
