import { billingEvents, invoices, organizations, payments, subscriptions } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../../packages/platform/src/billing/ledger/verify.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { billingState } from './support/ledger.ts';
import { paymentEvent, RZP, razorpayEnv, sendRazorpay, startRazorpayStub } from './support/razorpay-stub.ts';

let t: TestApp;
let stub: Awaited<ReturnType<typeof startRazorpayStub>>;
beforeAll(async () => {
  stub = await startRazorpayStub();
  t = await startTestApp({ env: razorpayEnv(stub.url) });
});
afterAll(async () => {
  await t?.close();
  await stub?.close();
});

async function orderFor(owner: Awaited<ReturnType<typeof signUp>>, plan = 'pro') {
  const res = await owner.api.post('/v1/billing/checkout', {
    plan_id: plan,
    currency: 'INR',
    provider: 'razorpay',
  });
  expect(res.status).toBe(201);
  return res.body as { order_id: string; key_id: string; amount: number; payment_id: string };
}

const planOf = async (orgId: string) =>
  (
    await t.platform.db
      .select({ plan: organizations.planId })
      .from(organizations)
      .where(eq(organizations.id, orgId))
  )[0].plan;

describe('Razorpay checkout', () => {
  it('creates an order over the API and returns its id and the public key', async () => {
    const owner = await signUp(t.url, 'rzp-checkout');
    const order = await orderFor(owner);
    expect(order).toMatchObject({
      key_id: RZP.keyId,
      amount: 399_900,
      currency: 'INR',
      provider: 'razorpay',
    });
    const sent = stub.orders.find((o) => o.id === order.order_id);
    expect(sent).toMatchObject({
      amount: 399_900,
      currency: 'INR',
      notes: { org_id: owner.orgId, plan_id: 'pro' },
    });
    const [row] = await t.platform.db
      .select()
      .from(payments)
      .where(eq(payments.providerOrderId, order.order_id));
    expect(row).toMatchObject({ status: 'created', orgId: owner.orgId, amount: 399_900 });
    expect(await planOf(owner.orgId)).toBe('free'); // nothing changes until the payment is captured
  });

  it("answers Razorpay's refusal as 503 with its reason and records nothing", async () => {
    const owner = await signUp(t.url, 'rzp-down');
    stub.state.failNext = 1;
    const res = await owner.api.post('/v1/billing/checkout', {
      plan_id: 'pro',
      currency: 'INR',
      provider: 'razorpay',
    });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/incident has been reported/);
    expect((await billingState(t, owner.orgId)).payments).toHaveLength(0);
  });

  it('refuses unknown plans, unpriced currencies, the free plan and non-owners', async () => {
    const owner = await signUp(t.url, 'rzp-bad');
    const bad = await Promise.all([
      owner.api.post('/v1/billing/checkout', { plan_id: 'nope', currency: 'INR', provider: 'razorpay' }),
      owner.api.post('/v1/billing/checkout', { plan_id: 'free', currency: 'INR', provider: 'razorpay' }),
      owner.api.post('/v1/billing/checkout', { plan_id: 'pro', currency: 'EUR', provider: 'razorpay' }),
    ]);
    expect(bad.map((r) => r.status)).toEqual([404, 422, 422]);
    const admin = await addMember(t.url, owner, t.mail, 'admin');
    const denied = await admin.api.post('/v1/billing/checkout', {
      plan_id: 'pro',
      currency: 'INR',
      provider: 'razorpay',
    });
    expect(denied.status).toBe(403);
    expect((await admin.api.get('/v1/billing')).status).toBe(403);
  });
});

describe('Razorpay webhook', () => {
  it('captures once: ledger, subscription, plan, invoice; repeats and forgeries change nothing', async () => {
    const owner = await signUp(t.url, 'rzp-capture');
    const order = await orderFor(owner);
    const pay = {
      id: 'pay_Capt0001',
      order_id: order.order_id,
      amount: order.amount,
      status: 'captured',
      fee: 9_438,
    };

    // Forged, truncated and re-signed deliveries are refused before anything is parsed or stored.
    const event = paymentEvent('payment.captured', pay);
    const raw = JSON.stringify(event);
    const forged = await sendRazorpay(t.url, event, { eventId: 'evt_f', signature: 'a'.repeat(64) });
    const truncated = await sendRazorpay(t.url, event, {
      eventId: 'evt_t',
      raw: raw.slice(0, -5),
      signature: (
        await import('../../../../packages/platform/src/billing/razorpay/signature.ts')
      ).razorpaySignature(raw, RZP.webhookSecret),
    });
    const resigned = await sendRazorpay(t.url, event, { eventId: 'evt_r', secret: 'someone-elses-secret' });
    const missing = await sendRazorpay(t.url, event, { eventId: 'evt_m', signature: '' });
    for (const res of [forged, truncated, resigned, missing]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 0, events: 0 });

    const first = await sendRazorpay(t.url, event, { eventId: 'evt_cap_1' });
    expect(first).toMatchObject({ status: 200, body: { duplicate: false, outcome: 'captured' } });
    const again = await sendRazorpay(t.url, event, { eventId: 'evt_cap_1' });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    // The same payment reported under another event id (order.paid) counts once.
    const orderPaid = await sendRazorpay(t.url, paymentEvent('order.paid', pay), { eventId: 'evt_cap_2' });
    expect(orderPaid.body).toMatchObject({ duplicate: false, outcome: 'duplicate_payment' });

    const state = await billingState(t, owner.orgId);
    expect(state).toMatchObject({ transactions: 1, entries: 4, events: 2 });
    expect(state.payments[0]).toMatchObject({ status: 'captured', providerPaymentId: 'pay_Capt0001' });
    expect(await planOf(owner.orgId)).toBe('pro');
    const [sub] = await t.platform.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.orgId, owner.orgId));
    expect(sub).toMatchObject({ provider: 'razorpay', status: 'active', planId: 'pro' });
    expect(sub.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now() + 27 * 86400_000);

    const billing = await owner.api.get('/v1/billing');
    expect(billing.body).toMatchObject({
      plan: { id: 'pro' },
      subscription: { plan_id: 'pro', status: 'active' },
    });
    const ledger = await owner.api.get('/v1/billing/ledger');
    expect(ledger.body.data).toEqual(
      expect.arrayContaining([
        { account: 'cash:razorpay', currency: 'INR', balance: 399_900 - 9_438 },
        { account: 'revenue:subscriptions', currency: 'INR', balance: -399_900 },
        { account: 'expense:fees:razorpay', currency: 'INR', balance: 9_438 },
      ]),
    );
    const list = await owner.api.get('/v1/billing/invoices');
    expect(list.body.data).toHaveLength(1);
    const pdf = await fetch(`${t.url}${list.body.data[0].download_path}`, {
      headers: { authorization: `Bearer ${owner.token}`, 'x-org-id': owner.orgId },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-1.4')).toBe(true);

    // Late or stale events never move a captured payment backwards.
    await sendRazorpay(t.url, paymentEvent('payment.authorized', { ...pay, status: 'authorized' }), {
      eventId: 'evt_late_auth',
    });
    await sendRazorpay(t.url, paymentEvent('payment.failed', { ...pay, status: 'failed' }), {
      eventId: 'evt_late_fail',
    });
    expect((await billingState(t, owner.orgId)).payments[0].status).toBe('captured');
    expect((await verifyLedger(t.platform.db)).problems).toEqual([]);
  });

  it('books one set of entries when the same event arrives twice at once, or under two ids at once', async () => {
    const owner = await signUp(t.url, 'rzp-concurrent');
    const order = await orderFor(owner);
    const pay = { id: 'pay_Conc0001', order_id: order.order_id, amount: order.amount, status: 'captured' };
    const event = paymentEvent('payment.captured', pay);
    const results = await Promise.all([
      sendRazorpay(t.url, event, { eventId: 'evt_conc_1' }),
      sendRazorpay(t.url, event, { eventId: 'evt_conc_1' }),
      sendRazorpay(t.url, paymentEvent('order.paid', pay), { eventId: 'evt_conc_2' }),
      sendRazorpay(t.url, paymentEvent('order.paid', pay), { eventId: 'evt_conc_3' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.body.outcome === 'captured')).toHaveLength(1);
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 1, entries: 2, events: 3 });
  });

  it('handles a payment that succeeds before it was seen authorized, failed payments, and refunds', async () => {
    const owner = await signUp(t.url, 'rzp-refund');
    const failedOrder = await orderFor(owner);
    const failed = await sendRazorpay(
      t.url,
      paymentEvent('payment.failed', {
        id: 'pay_Fail0001',
        order_id: failedOrder.order_id,
        amount: 399_900,
        status: 'failed',
      }),
      { eventId: 'evt_fail_1' },
    );
    expect(failed.body.outcome).toBe('failed');
    const [failedRow] = await t.platform.db
      .select()
      .from(payments)
      .where(eq(payments.providerOrderId, failedOrder.order_id));
    expect(failedRow).toMatchObject({
      status: 'failed',
      failureReason: 'Payment failed due to insufficient funds',
    });
    expect(await planOf(owner.orgId)).toBe('free');

    const order = await orderFor(owner);
    const pay = { id: 'pay_Refd0001', order_id: order.order_id, amount: order.amount, status: 'captured' };
    await sendRazorpay(t.url, paymentEvent('payment.captured', pay), { eventId: 'evt_ref_cap' });
    const refund = (id: string, amount: number) =>
      paymentEvent('refund.processed', pay, {
        refund: {
          entity: { id, entity: 'refund', amount, currency: 'INR', payment_id: pay.id, status: 'processed' },
        },
      });
    expect((await sendRazorpay(t.url, refund('rfnd_1', 100_000), { eventId: 'evt_rf_1' })).body.outcome).toBe(
      'refunded',
    );
    // The same refund under a new event id, and a refund beyond what was paid, book nothing.
    expect((await sendRazorpay(t.url, refund('rfnd_1', 100_000), { eventId: 'evt_rf_2' })).body.outcome).toBe(
      'duplicate',
    );
    expect((await sendRazorpay(t.url, refund('rfnd_2', 400_000), { eventId: 'evt_rf_3' })).body.outcome).toBe(
      'exceeds_payment',
    );
    const [row] = await t.platform.db.select().from(payments).where(eq(payments.providerPaymentId, pay.id));
    expect(row).toMatchObject({ status: 'partially_refunded', amountRefunded: 100_000 });
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 2, entries: 4 });
    expect((await verifyLedger(t.platform.db)).problems).toEqual([]);
  });

  it('books a second payment against an order that was already paid as its own payment', async () => {
    const owner = await signUp(t.url, 'rzp-twice');
    const order = await orderFor(owner);
    const first = { id: 'pay_Twce0001', order_id: order.order_id, amount: order.amount, status: 'captured' };
    const second = { ...first, id: 'pay_Twce0002' };
    await sendRazorpay(t.url, paymentEvent('payment.captured', first), { eventId: 'evt_twice_1' });
    const res = await sendRazorpay(t.url, paymentEvent('payment.captured', second), {
      eventId: 'evt_twice_2',
    });
    expect(res.body.outcome).toBe('captured');
    const again = await sendRazorpay(t.url, paymentEvent('order.paid', second), { eventId: 'evt_twice_3' });
    expect(again.body.outcome).toBe('duplicate_payment');
    const state = await billingState(t, owner.orgId);
    expect(state.payments.map((p) => [p.providerPaymentId, p.status]).sort()).toEqual([
      ['pay_Twce0001', 'captured'],
      ['pay_Twce0002', 'captured'],
    ]);
    expect(state.transactions).toBe(2);
    const [sub] = await t.platform.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.orgId, owner.orgId));
    expect(sub.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now() + 55 * 86400_000);
    expect((await verifyLedger(t.platform.db)).problems).toEqual([]);
  });

  it('leaves nothing behind when the database fails mid-webhook, and the retry succeeds', async () => {
    const owner = await signUp(t.url, 'rzp-dbfail');
    const order = await orderFor(owner);
    const event = paymentEvent('payment.captured', {
      id: 'pay_Dbfl0001',
      order_id: order.order_id,
      amount: order.amount,
      status: 'captured',
    });
    const db = t.platform.db;
    // A real database error on the second write of the ledger (the entries, after the transaction row).
    await db.execute(sql`create or replace function fail_entries() returns trigger language plpgsql as
      $$ begin raise exception 'disk full (simulated)'; end $$`);
    await db.execute(
      sql`create trigger fail_entries before insert on ledger_entries for each row execute function fail_entries()`,
    );
    try {
      const failed = await sendRazorpay(t.url, event, { eventId: 'evt_db_1' });
      expect(failed.status).toBe(500);
      expect(failed.body.error.code).toBe('INTERNAL_ERROR');
    } finally {
      await db.execute(sql`drop trigger fail_entries on ledger_entries`);
    }
    const after = await billingState(t, owner.orgId);
    expect(after).toMatchObject({ transactions: 0, entries: 0, events: 0 });
    expect(after.payments[0].status).toBe('created');
    expect(await planOf(owner.orgId)).toBe('free');

    const retry = await sendRazorpay(t.url, event, { eventId: 'evt_db_1' });
    expect(retry.body).toMatchObject({ duplicate: false, outcome: 'captured' });
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 1, entries: 2, events: 1 });
  });

  it('acknowledges unknown orders and event types without booking, and refuses garbage after the signature', async () => {
    const unknown = await sendRazorpay(
      t.url,
      paymentEvent('payment.captured', {
        id: 'pay_Unkn0001',
        order_id: 'order_nothere',
        amount: 100,
        status: 'captured',
      }),
      { eventId: 'evt_unknown' },
    );
    expect(unknown.body).toMatchObject({ outcome: 'unknown_order' });
    const other = await sendRazorpay(
      t.url,
      {
        ...paymentEvent('payment.dispute.created', {
          id: 'pay_x',
          order_id: 'o',
          amount: 1,
          status: 'captured',
        }),
      },
      { eventId: 'evt_other' },
    );
    expect(other.body.outcome).toBe('ignored');
    const notJson = await sendRazorpay(t.url, null, { raw: '{"entity": "event", ', eventId: 'evt_bad' });
    expect(notJson.status).toBe(400);
    const wrongShape = await sendRazorpay(t.url, { hello: 'world' }, { eventId: 'evt_shape' });
    expect(wrongShape.status).toBe(400);
    const [claimed] = await t.platform.db
      .select()
      .from(billingEvents)
      .where(eq(billingEvents.eventId, 'evt_bad'));
    expect(claimed).toBeUndefined();
  });

  it('runs the captured-payment job (receipt mail) and lapses the plan when the prepaid month ends', async () => {
    const worker = await t.startWorker();
    const owner = await signUp(t.url, 'rzp-lapse');
    const order = await orderFor(owner);
    await sendRazorpay(
      t.url,
      paymentEvent('payment.captured', {
        id: 'pay_Laps0001',
        order_id: order.order_id,
        amount: order.amount,
        status: 'captured',
      }),
      { eventId: 'evt_lapse' },
    );
    for (
      let i = 0;
      i < 100 && !t.mail.some((m) => m.to === owner.email && /Payment received/.test(m.subject));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(t.mail.find((m) => m.to === owner.email && /Payment received/.test(m.subject))?.text).toMatch(
      /pay_Laps0001/,
    );

    await t.platform.db
      .update(subscriptions)
      .set({ currentPeriodEnd: new Date(Date.now() - 1000) })
      .where(eq(subscriptions.orgId, owner.orgId));
    const job = await t.platform.db.transaction((tx) =>
      t.platform.jobs.enqueue(tx, { orgId: null, name: 'billing.expire_subscriptions', payload: {} }),
    );
    await t.platform.jobs.dispatch([job.id]);
    for (let i = 0; i < 100 && (await planOf(owner.orgId)) !== 'free'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await planOf(owner.orgId)).toBe('free');
    await worker.stop();
  });

  it("answers 404 for another organization's invoice", async () => {
    const a = await signUp(t.url, 'rzp-tenant-a');
    const b = await signUp(t.url, 'rzp-tenant-b');
    const order = await orderFor(b);
    await sendRazorpay(
      t.url,
      paymentEvent('payment.captured', {
        id: 'pay_Tent0001',
        order_id: order.order_id,
        amount: order.amount,
        status: 'captured',
      }),
      { eventId: 'evt_tenant' },
    );
    const [inv] = await t.platform.db.select().from(invoices).where(eq(invoices.orgId, b.orgId));
    expect((await b.api.get(`/v1/billing/invoices/${inv.id}/download`)).status).toBe(200);
    const res = await a.api.get(`/v1/billing/invoices/${inv.id}/download`);
    expect(res.status).toBe(404);
    expect((await a.api.get('/v1/billing/invoices')).body.data).toEqual([]);
  });
});
