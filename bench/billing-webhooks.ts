/**
 * Payment webhook throughput on real Postgres: signed Razorpay deliveries (HMAC over the raw body,
 * idempotency claim, ledger, subscription, invoice and job in one transaction), 20% of them
 * duplicates sent at the same moment as their original, half under the same event id and half as the
 * same payment under another event id. Baseline, in this run: the same signed requests to a no-op
 * route on a bare Fastify server. Then the ledger check: zero imbalance, every payment booked once.
 * BENCH_EVENTS (default 10000), BENCH_CONCURRENCY (default 32).
 */
import './env.ts';
import { randomBytes } from 'node:crypto';
import { ledgerTransactions, organizations, payments } from '@assay/db';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { paymentEvent, RZP, razorpayEnv } from '../apps/api/test/billing/support/razorpay-stub.ts';
import { verifyLedger } from '../packages/platform/src/billing/ledger/verify.ts';
import { razorpaySignature } from '../packages/platform/src/billing/razorpay/signature.ts';
import { startTestApp } from '../test/support/app.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { envInt, ratioLine, table } from './format.ts';

const EVENTS = envInt('BENCH_EVENTS', 10_000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 32);
const DUPLICATE_SHARE = 0.2;
const ORGS = 200;
const AMOUNT = 399_900;

interface Delivery {
  raw: string;
  signature: string;
  eventId: string;
}

// The test suite's global setup builds this run's template database and returns its teardown.
const dropTemplate = await setupTemplate();
const t = await startTestApp({
  env: {
    ...razorpayEnv('http://127.0.0.1:9'),
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'silent',
  },
});
if (!t.database.url) console.warn('note: no Postgres on 127.0.0.1, measuring on PGlite');
const db = t.platform.db;

// Organizations and their pending orders, written directly (the checkout path is not what is measured).
const unique = Math.round(EVENTS / (1 + DUPLICATE_SHARE));
const duplicates = EVENTS - unique;
const orgIds: string[] = [];
for (let i = 0; i < ORGS; i++) {
  const [org] = await db
    .insert(organizations)
    .values({ name: `bench ${i}`, slug: `bench-${i}-${randomBytes(3).toString('hex')}` })
    .returning({ id: organizations.id });
  orgIds.push(org.id);
}
const orders = Array.from({ length: unique }, (_, i) => ({
  orderId: `order_bench${i.toString().padStart(8, '0')}`,
  paymentId: `pay_bench${i.toString().padStart(8, '0')}`,
  orgId: orgIds[i % ORGS],
}));
for (let i = 0; i < orders.length; i += 1000) {
  await db.insert(payments).values(
    orders.slice(i, i + 1000).map((o) => ({
      orgId: o.orgId,
      provider: 'razorpay' as const,
      providerOrderId: o.orderId,
      planId: 'pro',
      amount: AMOUNT,
      currency: 'INR' as const,
      status: 'created' as const,
    })),
  );
}

const sign = (payload: unknown, eventId: string): Delivery => {
  const raw = JSON.stringify(payload);
  return { raw, signature: razorpaySignature(raw, RZP.webhookSecret), eventId };
};

// Each group is an original and (for some) its duplicate, sent together so they race.
const groups: Delivery[][] = orders.map((o, i) => {
  const pay = { id: o.paymentId, order_id: o.orderId, amount: AMOUNT, status: 'captured', fee: 9_438 };
  const original = sign(paymentEvent('payment.captured', pay), `evt_cap_${i}`);
  if (i >= duplicates) return [original];
  const duplicate = i % 2 === 0 ? original : sign(paymentEvent('order.paid', pay), `evt_paid_${i}`);
  return [original, duplicate];
});

async function deliver(
  base: string,
  path: string,
): Promise<{ seconds: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      await Promise.all(
        group.map(async (d) => {
          const res = await fetch(`${base}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-razorpay-signature': d.signature,
              'x-razorpay-event-id': d.eventId,
            },
            body: d.raw,
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, statuses };
}

// Baseline: the same requests to a route that reads the raw body and answers, nothing else.
const bare = Fastify();
bare.removeAllContentTypeParsers();
bare.addContentTypeParser('*', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
bare.post('/noop', async () => ({ received: true }));
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
const baseline = await deliver(bareUrl, '/noop');
const real = await deliver(t.url, '/v1/webhooks/razorpay');

const report = await verifyLedger(db);
const [booked] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(ledgerTransactions)
  .where(sql`${ledgerTransactions.kind} = 'payment'`);
const [captured] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(payments)
  .where(sql`${payments.status} = 'captured'`);

const rate = (r: { seconds: number }) => EVENTS / r.seconds;
console.log(
  `\n${EVENTS} deliveries (${unique} payments, ${duplicates} duplicates sent concurrently), ${CONCURRENCY} in flight, ${t.database.url ? 'Postgres' : 'PGlite'}\n`,
);
console.log(
  table([
    ['target', 'seconds', 'events/s', 'statuses'],
    ...[
      ['no-op route (baseline)', baseline],
      ['POST /v1/webhooks/razorpay', real],
    ].map(([name, r]: any) => [
      name,
      r.seconds.toFixed(2),
      rate(r).toFixed(0),
      [...r.statuses].map(([s, n]) => `${s}x${n}`).join(' '),
    ]),
  ]),
);
console.log(`\n${ratioLine('webhook / no-op baseline', rate(real) / rate(baseline), 0.05)}`);
console.log(`\nledger check after the run`);
console.log(
  table([
    ['check', 'value'],
    ['payments captured', String(captured.n)],
    ['payment transactions booked', String(booked.n)],
    ['double counts', String(booked.n - captured.n)],
    ['imbalance (INR)', String(report.imbalance.INR ?? 0)],
    ['problems', String(report.problems.length)],
    ['verdict', report.ok && booked.n === unique && captured.n === unique ? 'OK' : 'FAILED'],
  ]),
);
await bare.close();
await t.close();
await dropTemplate?.();
process.exit(report.ok && booked.n === unique ? 0 : 1);
