import { billingEvents, ledgerTransactions } from '@assay/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { razorpayEnv, startRazorpayStub } from './support/razorpay-stub.ts';
import { startStripeStub, stripeEnv } from './support/stripe-stub.ts';

/**
 * The webhook routes are public, so the route-table fuzzer skips them: here they get generated bodies,
 * content types and signature headers. Every answer is a 4xx in the envelope; nothing is recorded.
 */
let t: TestApp;
const stubs: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  const rzp = await startRazorpayStub();
  const stripe = await startStripeStub();
  stubs.push(rzp, stripe);
  t = await startTestApp({
    env: { ...razorpayEnv(rzp.url), ...stripeEnv(stripe.url), WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000' },
  });
});
afterAll(async () => {
  await t?.close();
  for (const s of stubs) await s.close();
});

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom(
    '',
    '{',
    'null',
    '{"entity":"event","event":"payment.captured","payload":{},"created_at":1}',
  ),
);
const signature = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  fc.constantFrom('t=1,v1=00', 't=abc,v1=', `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
);

describe('webhook routes under generated input', () => {
  it('answer 4xx in the envelope and record nothing', async () => {
    const found: string[] = [];
    for (const [path, header] of [
      ['/v1/webhooks/razorpay', 'x-razorpay-signature'],
      ['/v1/webhooks/stripe', 'stripe-signature'],
    ]) {
      await fc.assert(
        fc.asyncProperty(body, signature, contentType, fc.boolean(), async (raw, sig, type, withSig) => {
          const res = await fetch(`${t.url}${path}`, {
            method: 'POST',
            headers: { ...(type ? { 'content-type': type } : {}), ...(withSig ? { [header]: sig } : {}) },
            body: raw,
          });
          const payload = (await res.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
          if (res.status < 400 || res.status >= 500 || typeof payload?.error?.code !== 'string')
            found.push(`${path} ${res.status} ${JSON.stringify(payload).slice(0, 120)}`);
          return true;
        }),
        { numRuns: 60, seed: 7 },
      );
    }
    expect(found).toEqual([]);
    const db = t.platform.db;
    const [events] = await db.select({ n: sql<number>`count(*)::int` }).from(billingEvents);
    const [booked] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerTransactions);
    expect([events.n, booked.n]).toEqual([0, 0]);
  });
});
