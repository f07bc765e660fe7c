import { randomBytes } from 'node:crypto';
import type { Database } from '@assay/db';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { postgresAvailable, redisAvailable, TEST_REDIS_URL } from '../../../../test/support/services.ts';
import type { QueueTransport } from '../../src/jobs/port.ts';
import { createBullmqTransport } from '../../src/jobs/transports/bullmq.ts';
import { createPgBossTransport } from '../../src/jobs/transports/pg-boss.ts';

/** One queue backend under test, on the database it runs next to. */
export interface QueueAdapter {
  name: string;
  openDatabase(): Promise<TestDatabase>;
  /** A fresh transport, its keys or queue names under `prefix` (tests never see each other's messages). */
  transport(database: Database, prefix: string): QueueTransport;
  /** Removes what the adapter left outside the database. */
  cleanup(): Promise<void>;
}

const FILE_PREFIX = `t${randomBytes(4).toString('hex')}`;
let counter = 0;
/** A key or queue-name prefix unique to this test file and call. */
export const uniquePrefix = () => `${FILE_PREFIX}-${++counter}`;

async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

/** BullMQ on Redis and pg-boss on Postgres when they answer (the helpers warn, or fail under CI), pg-boss on PGlite always. */
export async function availableAdapters(): Promise<QueueAdapter[]> {
  const adapters: QueueAdapter[] = [];
  const pollIntervalMs = 50;
  if (await redisAvailable()) {
    adapters.push({
      name: 'bullmq on Redis',
      openDatabase: () => createTestDatabase(),
      transport: (_database, prefix) => createBullmqTransport({ url: TEST_REDIS_URL, prefix }),
      cleanup: () => deleteRedisKeys(`${FILE_PREFIX}-*`),
    });
  }
  if (await postgresAvailable()) {
    adapters.push({
      name: 'pg-boss on Postgres',
      openDatabase: () => createTestDatabase(),
      transport: (database, prefix) => createPgBossTransport({ database, prefix, pollIntervalMs }),
      cleanup: async () => {},
    });
  }
  adapters.push({
    name: 'pg-boss on PGlite',
    openDatabase: () => createTestDatabase({ embedded: true }),
    transport: (database, prefix) => createPgBossTransport({ database, prefix, pollIntervalMs }),
    cleanup: async () => {},
  });
  return adapters;
}

/** Polls `check` until it returns a truthy value (which is returned), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
