/**
 * Webhook delivery: events emitted through the outbox (event row, delivery rows, jobs in one transaction),
 * delivered by the worker with HMAC signing and the address checks to a loopback receiver. Measures
 * deliveries per second and the time from the emitting transaction's commit to the receiver's first
 * attempt (p50, p99). Baseline in the same run: the same number of plain unsigned POSTs of the same
 * bodies from a tight loop with the worker's concurrency, and the same number of no-op jobs through the same
 * queue (what the job machinery alone costs). Prints figures and ratios; never fails on timing.
 * BENCH_WEBHOOKS (default 2000), BENCH_LATENCY_EVENTS (default 300).
 */
import './env.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CONCURRENCY, defineJob, emitEvent } from '@assay/core';
import { z } from 'zod';
import { verifySignature } from '../packages/platform/src/webhooks/index.ts';
import { startTestApp } from '../test/support/app.ts';
import { signUp } from '../test/support/client.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { envInt, ratioLine, table } from './format.ts';

const EVENTS = envInt('BENCH_WEBHOOKS', 2_000);
const LATENCY_EVENTS = envInt('BENCH_LATENCY_EVENTS', 300);
const PER_TRANSACTION = 100;
const CONCURRENCY = DEFAULT_CONCURRENCY.default;

/** Counts requests and records the first arrival of each event id. */
async function startReceiver() {
  const firstSeen = new Map<string, number>();
  let requests = 0;
  let lastBody = '';
  let lastSignature = '';
  let waiter: { count: number; resolve: () => void } | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      requests += 1;
      const id = req.headers['assay-event-id'];
      if (typeof id === 'string' && !firstSeen.has(id)) firstSeen.set(id, now);
      lastBody = Buffer.concat(chunks).toString('utf8');
      lastSignature = String(req.headers['assay-signature'] ?? '');
      res.writeHead(204).end();
      if (waiter && requests >= waiter.count) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    firstSeen,
    get requests() {
      return requests;
    },
    last: () => ({ body: lastBody, signature: lastSignature }),
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (requests >= count) return resolve();
        waiter = { count, resolve };
      }),
    reset() {
      requests = 0;
      firstSeen.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The baseline: `count` unsigned POSTs of `body`, `CONCURRENCY` at a time, no database, no queue. */
async function plainPosts(url: string, body: string, count: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const latencies: number[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < count) await one();
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { ms, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function bench() {
  const t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  const receiver = await startReceiver();
  try {
    await t.startWorker();
    const owner = await signUp(t.url, 'bench-hooks');
    const endpoint = await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url,
      event_types: ['export.ready'],
    });
    const secret = endpoint.body.secret as string;
    const data = (i: number) => ({
      job_id: '01900000-0000-7000-8000-000000000000',
      size: 1000 + i,
      counts: { members: 3, audit_logs: 120, jobs: 14 },
      links: { api: '/v1/jobs/01900000-0000-7000-8000-000000000000' },
    });
    const emit = async (count: number, offset: number) => {
      const ids = await t.platform.db.transaction(async (tx) => {
        const jobIds: string[] = [];
        const eventIds: string[] = [];
        for (let i = 0; i < count; i++) {
          const event = await emitEvent(tx, {
            orgId: owner.orgId,
            type: 'export.ready',
            data: data(offset + i),
          });
          jobIds.push(...event.jobIds);
          eventIds.push(event.id);
        }
        return { jobIds, eventIds };
      });
      return { ...ids, committedAt: performance.now() };
    };

    // Warm-up (not counted): connections, prepared statements, JIT.
    await t.platform.jobs.dispatch((await emit(50, 0)).jobIds);
    await receiver.until(50);
    receiver.reset();

    // Latency: one event per transaction, a few milliseconds apart, as changes arrive in practice.
    const committed = new Map<string, number>();
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const e = await emit(1, i);
      committed.set(e.eventIds[0], e.committedAt);
      await t.platform.jobs.dispatch(e.jobIds);
      await new Promise((r) => setTimeout(r, 5));
    }
    await receiver.until(LATENCY_EVENTS);
    const lags = [...committed].map(([id, at]) => receiver.firstSeen.get(id)! - at).sort((a, b) => a - b);
    const sample = receiver.last();
    const signed = verifySignature(secret, sample.body, sample.signature);
    receiver.reset();

    // Throughput: EVENTS in transactions of PER_TRANSACTION, from the first commit to the last arrival.
    const started = performance.now();
    for (let i = 0; i < EVENTS; i += PER_TRANSACTION) {
      const e = await emit(Math.min(PER_TRANSACTION, EVENTS - i), i);
      await t.platform.jobs.dispatch(e.jobIds);
    }
    await receiver.until(EVENTS);
    const deliveryMs = performance.now() - started;
    receiver.reset();

    const baseline = await plainPosts(receiver.url, sample.body, EVENTS);

    // Second baseline: no-op jobs through the same queue and worker, enqueued the same way.
    let ran = 0;
    let allRan: () => void = () => {};
    t.platform.jobs.register([
      defineJob({
        name: 'bench.noop',
        queue: 'default',
        payload: z.object({ i: z.number() }),
        handler: async () => {
          if (++ran === EVENTS) allRan();
          return null;
        },
      }),
    ]);
    const noopDone = new Promise<void>((resolve) => {
      allRan = resolve;
    });
    const noopStarted = performance.now();
    for (let i = 0; i < EVENTS; i += PER_TRANSACTION) {
      const rows = await t.platform.db.transaction((tx) =>
        t.platform.jobs.enqueueMany(
          tx,
          Array.from({ length: Math.min(PER_TRANSACTION, EVENTS - i) }, (_, k) => ({
            orgId: owner.orgId,
            name: 'bench.noop',
            payload: { i: i + k },
          })),
        ),
      );
      await t.platform.jobs.dispatch(rows.map((r) => r.id));
    }
    await noopDone;
    const noopRate = (EVENTS / (performance.now() - noopStarted)) * 1000;
    const webhookRate = (EVENTS / deliveryMs) * 1000;
    const baselineRate = (EVENTS / baseline.ms) * 1000;
    console.log(
      `\nwebhooks: ${EVENTS} deliveries, concurrency ${CONCURRENCY}, queue ${t.platform.jobs.transportKind}`,
    );
    console.log(`signature of a received delivery verifies: ${signed}\n`);
    console.log(
      table([
        ['target', 'deliveries/s', 'p50 ms', 'p99 ms'],
        ['signed webhooks (outbox -> queue -> POST)', webhookRate.toFixed(0), '', ''],
        ['  commit -> first attempt', '', percentile(lags, 50).toFixed(1), percentile(lags, 99).toFixed(1)],
        [
          'plain POSTs, tight loop (baseline)',
          baselineRate.toFixed(0),
          baseline.p50.toFixed(1),
          baseline.p99.toFixed(1),
        ],
        ['no-op jobs, same queue (baseline)', noopRate.toFixed(0), '', ''],
      ]),
    );
    console.log('');
    // A delivery is a job plus a read, an HMAC, a POST and a logged outcome: a third of a bare job's rate is the aim.
    console.log(ratioLine('WEBHOOKS / NO-OP JOBS (rate)', webhookRate / noopRate, 0.33));
    console.log(ratioLine('WEBHOOKS / PLAIN POSTS (rate)', webhookRate / baselineRate, 0.01));
  } finally {
    await receiver.close();
    await t.close();
  }
}

const dropTemplate = await setupTemplate();
try {
  await bench();
} finally {
  await dropTemplate?.();
}
