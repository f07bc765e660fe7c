/**
 * Job throughput: no-op jobs through each Assay queue adapter (outbox row, dispatch, claim, complete),
 * and through BullMQ used directly as the baseline, in the same run. Time is from the first enqueue
 * to the last completion. Prints figures and ratios; never fails on timing.
 * BENCH_JOBS (default 10000), BENCH_PGLITE_JOBS (default 2000), BENCH_CONCURRENCY (default 8),
 * BENCH_ONLY (comma-separated: bullmq, pg-boss, pglite, direct; default all), e.g. to profile one adapter.
 */
import './env.ts';
import { randomBytes } from 'node:crypto';
import {
  createBullmqTransport,
  createJobs,
  createPgBossTransport,
  DEFAULT_CONCURRENCY,
  defineJob,
  type QueueTransport,
  startWorker,
} from '@assay/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../test/support/db.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { postgresAvailable, redisAvailable, TEST_REDIS_URL } from '../test/support/services.ts';
import { Completions } from './completions.ts';
import { envInt, ratioLine, table } from './format.ts';

const JOBS = envInt('BENCH_JOBS', 10_000);
const PGLITE_JOBS = envInt('BENCH_PGLITE_JOBS', 2_000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', DEFAULT_CONCURRENCY.default);
/** Jobs per enqueue transaction (one `enqueueMany`) and per `jobs.dispatch(ids)`; the baseline's addBulk size. */
const BATCH = 200;
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const wanted = (name: string) => !ONLY || ONLY.includes(name);
const RUN_PREFIX = `bench-${randomBytes(4).toString('hex')}`;
/** Same retention as the Assay BullMQ transport, so the baseline does the same Redis work. */
const KEEP = { age: 60, count: 1000 };

const noop = defineJob({
  name: 'bench.noop',
  queue: 'default',
  payload: z.object({ i: z.number() }),
  handler: async () => null,
});

interface Row {
  name: string;
  jobs: number;
  /** First enqueue to last completion. */
  ms: number;
  /** First enqueue to the last batch enqueued (and dispatched). */
  enqueueMs: number;
  /** Of which in `jobs.dispatch` (Assay only). */
  dispatchMs?: number;
  other: number;
}

const warmupOf = (n: number) => Math.min(500, Math.max(1, Math.floor(n / 10)));

/** One Assay adapter: a fresh database, a transport, the jobs service and a worker on the `default` queue. */
async function runAssay(
  name: string,
  count: number,
  open: () => Promise<TestDatabase>,
  transportFor: (database: TestDatabase) => QueueTransport,
): Promise<Row> {
  const database = await open();
  const transport = transportFor(database);
  const done = new Completions();
  try {
    await transport.start();
    const jobs = createJobs({
      database,
      transport,
      definitions: [noop],
      onJobFinished: (e) => (e.outcome === 'completed' ? done.completed() : done.notCompleted()),
    });
    const worker = await startWorker({ jobs, queues: ['default'], concurrency: CONCURRENCY });
    try {
      let dispatchMs = 0;
      const pump = async (n: number) => {
        const all = done.next(n);
        for (let i = 0; i < n; i += BATCH) {
          const size = Math.min(BATCH, n - i);
          const inputs = Array.from({ length: size }, (_, k) => ({
            orgId: null,
            name: noop.name,
            payload: { i: i + k },
          }));
          const rows = await database.db.transaction((tx) => jobs.enqueueMany(tx, inputs));
          const ids = rows.map((row) => row.id);
          const before = performance.now();
          await jobs.dispatch(ids);
          dispatchMs += performance.now() - before;
        }
        const enqueued = performance.now();
        await all;
        return enqueued;
      };
      await pump(warmupOf(count));
      dispatchMs = 0;
      const started = performance.now();
      const enqueued = await pump(count);
      const ms = performance.now() - started;
      return { name, jobs: count, ms, enqueueMs: enqueued - started, dispatchMs, other: done.other };
    } finally {
      await worker.stop({ timeoutMs: 5_000 });
    }
  } finally {
    await transport.stop({ timeoutMs: 1_000 }); // a no-op when the worker already stopped it
    await database.drop();
  }
}

/** The baseline: a BullMQ Queue and Worker with a no-op processor, same concurrency, addBulk per batch. */
async function runDirectBullmq(count: number): Promise<Row> {
  const prefix = `${RUN_PREFIX}-direct`;
  const producer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const consumer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('default', {
    connection: producer,
    prefix,
    defaultJobOptions: { attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP },
  });
  const done = new Completions();
  const worker = new Worker('default', async () => null, {
    connection: consumer,
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => done.completed());
  worker.on('failed', () => done.notCompleted());
  try {
    await worker.waitUntilReady();
    const pump = async (n: number) => {
      const all = done.next(n);
      for (let i = 0; i < n; i += BATCH) {
        const size = Math.min(BATCH, n - i);
        await queue.addBulk(Array.from({ length: size }, (_, k) => ({ name: 'job', data: { i: i + k } })));
      }
      const enqueued = performance.now();
      await all;
      return enqueued;
    };
    await pump(warmupOf(count));
    const started = performance.now();
    const enqueued = await pump(count);
    const ms = performance.now() - started;
    return {
      name: 'BullMQ direct (baseline)',
      jobs: count,
      ms,
      enqueueMs: enqueued - started,
      other: done.other,
    };
  } finally {
    await worker.close();
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}

async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

async function main() {
  const hasRedis = await redisAvailable();
  const hasPostgres = await postgresAvailable();
  // The test suite's global setup builds this run's template database and returns its teardown.
  const dropTemplate = hasPostgres ? await setupTemplate() : undefined;
  console.log(
    `Jobs bench: ${JOBS} no-op jobs (PGlite: ${PGLITE_JOBS}), concurrency ${CONCURRENCY}, ` +
      `enqueueMany in transactions of ${BATCH} then dispatch, warm-up not counted\n`,
  );
  const rows: Row[] = [];
  const run = async (label: string, task: () => Promise<Row>) => {
    console.log(`  measuring ${label} ...`);
    rows.push(await task());
  };
  let assayBullmq: Row | undefined;
  let direct: Row | undefined;
  try {
    if (hasRedis && hasPostgres && wanted('bullmq')) {
      await run('Assay + BullMQ (Redis)', async () => {
        assayBullmq = await runAssay('Assay + BullMQ (Redis)', JOBS, createTestDatabase, () =>
          createBullmqTransport({ url: TEST_REDIS_URL, prefix: `${RUN_PREFIX}-assay` }),
        );
        return assayBullmq;
      });
    }
    if (hasPostgres && wanted('pg-boss')) {
      await run('Assay + pg-boss (Postgres)', () =>
        runAssay('Assay + pg-boss (Postgres)', JOBS, createTestDatabase, (database) =>
          createPgBossTransport({ database, prefix: RUN_PREFIX }),
        ),
      );
    }
    if (wanted('pglite')) {
      await run('Assay + pg-boss (PGlite)', () =>
        runAssay(
          'Assay + pg-boss (PGlite)',
          PGLITE_JOBS,
          () => createTestDatabase({ embedded: true }),
          (database) => createPgBossTransport({ database, prefix: RUN_PREFIX }),
        ),
      );
    }
    if (hasRedis && wanted('direct')) {
      await run('BullMQ direct', async () => {
        direct = await runDirectBullmq(JOBS);
        return direct;
      });
    }
  } finally {
    if (hasRedis) await deleteRedisKeys(`${RUN_PREFIX}-*`);
    await dropTemplate?.();
  }

  const rate = (row: Row) => row.jobs / (row.ms / 1000);
  console.log(
    `\n${table([
      ['adapter', 'jobs', 'enqueued (s)', 'in dispatch (s)', 'all done (s)', 'jobs/s', 'not completed'],
      ...rows.map((row) => [
        row.name,
        String(row.jobs),
        (row.enqueueMs / 1000).toFixed(2),
        row.dispatchMs === undefined ? '-' : (row.dispatchMs / 1000).toFixed(2),
        (row.ms / 1000).toFixed(2),
        rate(row).toFixed(0),
        String(row.other),
      ]),
    ])}\n`,
  );
  if (assayBullmq && direct)
    console.log(ratioLine('Assay+BullMQ / BullMQ direct', rate(assayBullmq) / rate(direct), 0.8));
  else console.log('Redis or Postgres not reachable: no Assay+BullMQ / BullMQ ratio');
  for (const row of rows)
    if (row.other > 0) console.warn(`WARNING: ${row.name}: ${row.other} attempts did not complete`);
}

await main();
