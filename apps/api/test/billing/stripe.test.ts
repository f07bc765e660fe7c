import { organizations, payments, subscriptions } from '@assay/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../../packages/platform/src/billing/ledger/verify.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { billingState } from './support/ledger.ts';
import {
  invoiceObject,
  sendStripe,
  startStripeStub,
  stripeEnv,
  subscriptionObject,
} from './support/stripe-stub.ts';

let t: TestApp;
let stub: Awaited<ReturnType<typeof startStripeStub>>;
beforeAll(async () => {
  stub = await startStripeStub();
  t = await startTestApp({
    env: { ...stripeEnv(stub.url), STRIPE_PRICE_IDS: 'business:USD=price_business_usd' },
  });
});
afterAll(async () => {
  await t?.close();
  await stub?.close();
});

const planOf = async (orgId: string) =>
  (
    await t.platform.db
      .select({ plan: organizations.planId })
      .from(organizations)
      .where(eq(organizations.id, orgId))
  )[0].plan;
const subOf = async (id: string) =>
  (await t.platform.db.select().from(subscriptions).where(eq(subscriptions.providerSubscriptionId, id)))[0];

let seq = 0;
const ids = () => {
  seq += 1;
  return { sub: `sub_test_${seq}`, cus: `cus_test_${seq}`, inv: `in_test_${seq}` };
};

describe('Stripe checkout and portal', () => {
  it('creates a subscription Checkout session through the SDK and links the portal once subscribed', async () => {
    const owner = await signUp(t.url, 'stripe-checkout');
    const res = await owner.api.post('/v1/billing/checkout', {
      plan_id: 'pro',
      currency: 'USD',
      provider: 'stripe',
    });
    expect(res.status).toBe(201);
    expect(res.body.checkout_url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const sent = stub.requests.find((r) => r.path === '/v1/checkout/sessions')!.params;
    expect(Object.fromEntries(sent)).toMatchObject({
      mode: 'subscription',
      client_reference_id: owner.orgId,
      'subscription_data[metadata][org_id]': owner.orgId,
      'subscription_data[metadata][plan_id]': 'pro',
      'line_items[0][price_data][unit_amount]': '4900',
      'line_items[0][price_data][currency]': 'usd',
    });

    const noCustomer = await owner.api.post('/v1/billing/portal');
    expect(noCustomer.status).toBe(409);
    const { sub, cus } = ids();
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'active', orgId: owner.orgId, planId: 'pro' }),
    );
    const done = await sendStripe(t.url, {
      id: 'evt_cs_1',
      type: 'checkout.session.completed',
      object: {
        id: 'cs_test_1',
        object: 'checkout.session',
        client_reference_id: owner.orgId,
        customer: cus,
        subscription: sub,
        metadata: { plan_id: 'pro' },
      },
    });
    expect(done.body).toMatchObject({ duplicate: false, outcome: 'subscription_synced' });
    expect(await planOf(owner.orgId)).toBe('pro');
    const portal = await owner.api.post('/v1/billing/portal');
    expect(portal.status).toBe(200);
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.com\//);
    expect(stub.requests.at(-1)!.params.get('customer')).toBe(cus);
  });

  it('answers a Stripe API failure with 503 in the envelope', async () => {
    const owner = await signUp(t.url, 'stripe-down');
    stub.state.failNext = 3; // the SDK retries twice
    const res = await owner.api.post('/v1/billing/checkout', {
      plan_id: 'pro',
      currency: 'USD',
      provider: 'stripe',
    });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/Stripe refused the request: An unknown error occurred/);
  });
});

describe('Stripe webhook', () => {
  it('refuses bad signatures, stale timestamps and tampered bodies, changing nothing', async () => {
    const owner = await signUp(t.url, 'stripe-forged');
    const { sub, cus, inv } = ids();
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'active', orgId: owner.orgId, planId: 'pro' }),
    );
    const event = {
      id: 'evt_forged',
      type: 'invoice.paid',
      object: invoiceObject({ id: inv, subscription: sub, customer: cus, orgId: owner.orgId, amount: 4900 }),
    };
    const answers = [
      await sendStripe(t.url, event, { secret: 'whsec_not_ours' }),
      await sendStripe(t.url, event, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      await sendStripe(t.url, event, { tamper: (raw) => raw.replace('4900', '1') }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body.error.code).toBe('BAD_REQUEST');
    }
    const unsigned = await fetch(`${t.url}/v1/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(400);
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 0, events: 0, payments: [] });
    expect(await planOf(owner.orgId)).toBe('free');
  });

  it('books an invoice paid before the checkout completed, once, whatever the event ids', async () => {
    const owner = await signUp(t.url, 'stripe-order');
    const { sub, cus, inv } = ids();
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'active', orgId: owner.orgId, planId: 'pro' }),
    );
    const invoice = invoiceObject({
      id: inv,
      subscription: sub,
      customer: cus,
      orgId: owner.orgId,
      amount: 4900,
    });
    const paid = await sendStripe(t.url, { id: 'evt_inv_1', type: 'invoice.paid', object: invoice });
    expect(paid.body).toMatchObject({ duplicate: false, outcome: 'captured' });
    const [again, sameUnderOtherId, concurrentA, concurrentB] = await Promise.all([
      sendStripe(t.url, { id: 'evt_inv_1', type: 'invoice.paid', object: invoice }),
      sendStripe(t.url, { id: 'evt_inv_2', type: 'invoice.paid', object: invoice }),
      sendStripe(t.url, { id: 'evt_inv_3', type: 'invoice.paid', object: invoice }),
      sendStripe(t.url, { id: 'evt_inv_3', type: 'invoice.paid', object: invoice }),
    ]);
    expect(again.body.duplicate).toBe(true);
    expect(sameUnderOtherId.body.outcome).toBe('duplicate_payment');
    expect([concurrentA.body.outcome, concurrentB.body.outcome].sort()).toEqual([
      'duplicate',
      'duplicate_payment',
    ]);
    const completed = await sendStripe(t.url, {
      id: 'evt_cs_late',
      type: 'checkout.session.completed',
      object: {
        id: 'cs_late',
        object: 'checkout.session',
        client_reference_id: owner.orgId,
        customer: cus,
        subscription: sub,
      },
    });
    expect(completed.status).toBe(200);
    const state = await billingState(t, owner.orgId);
    expect(state).toMatchObject({ transactions: 1, entries: 2 });
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0]).toMatchObject({
      status: 'captured',
      amount: 4900,
      currency: 'USD',
      providerPaymentId: inv,
    });
    expect(await planOf(owner.orgId)).toBe('pro');
    const list = await owner.api.get('/v1/billing/invoices');
    expect(list.body.data[0]).toMatchObject({
      number: invoice.number,
      status: 'paid',
      amount: 4900,
      currency: 'USD',
    });
    const download = await fetch(`${t.url}${list.body.data[0].download_path}`, {
      headers: { authorization: `Bearer ${owner.token}`, 'x-org-id': owner.orgId },
      redirect: 'manual',
    });
    expect(download.status).toBe(302);
    expect(download.headers.get('location')).toBe(invoice.invoice_pdf);
    expect((await verifyLedger(t.platform.db)).problems).toEqual([]);
  });

  it('ends canceled even when an update arrives after the deletion (the current object is fetched)', async () => {
    const owner = await signUp(t.url, 'stripe-cancel');
    const { sub, cus } = ids();
    const active = subscriptionObject({
      id: sub,
      customer: cus,
      status: 'active',
      orgId: owner.orgId,
      planId: 'business',
    });
    stub.subscriptions.set(sub, active);
    await sendStripe(t.url, { id: 'evt_up_1', type: 'customer.subscription.updated', object: active });
    expect(await planOf(owner.orgId)).toBe('business');
    // Stripe deletes it; the stale "updated" snapshot (still active) is delivered after the deletion.
    stub.subscriptions.set(sub, { ...active, status: 'canceled' });
    await sendStripe(t.url, {
      id: 'evt_del',
      type: 'customer.subscription.deleted',
      object: { ...active, status: 'canceled' },
    });
    await sendStripe(t.url, { id: 'evt_up_2', type: 'customer.subscription.updated', object: active });
    expect((await subOf(sub)).status).toBe('canceled');
    expect(await planOf(owner.orgId)).toBe('free');
    // A subscription Stripe no longer knows (404) is treated as ended.
    stub.subscriptions.delete(sub);
    const gone = await sendStripe(t.url, {
      id: 'evt_up_3',
      type: 'customer.subscription.updated',
      object: active,
    });
    expect(gone.status).toBe(200);
    expect(await planOf(owner.orgId)).toBe('free');
  });

  it('marks a failed invoice payment and keeps the plan while Stripe retries (past_due)', async () => {
    const owner = await signUp(t.url, 'stripe-failed');
    const { sub, cus, inv } = ids();
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'past_due', orgId: owner.orgId, planId: 'pro' }),
    );
    const invoice = {
      ...invoiceObject({ id: inv, subscription: sub, customer: cus, orgId: owner.orgId, amount: 4900 }),
      amount_paid: 0,
      status: 'open',
    };
    const res = await sendStripe(t.url, { id: 'evt_fail', type: 'invoice.payment_failed', object: invoice });
    expect(res.body.outcome).toBe('payment_failed');
    expect((await subOf(sub)).status).toBe('past_due');
    expect(await planOf(owner.orgId)).toBe('pro');
    const state = await billingState(t, owner.orgId);
    expect(state.transactions).toBe(0);
    expect(state.payments[0].status).toBe('failed');
    // The retry succeeds later: the same invoice is paid and booked.
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'active', orgId: owner.orgId, planId: 'pro' }),
    );
    const paid = await sendStripe(t.url, {
      id: 'evt_fail_paid',
      type: 'invoice.paid',
      object: invoiceObject({ id: inv, subscription: sub, customer: cus, orgId: owner.orgId, amount: 4900 }),
    });
    expect(paid.body.outcome).toBe('captured');
    const [row] = await t.platform.db.select().from(payments).where(eq(payments.providerPaymentId, inv));
    expect(row.status).toBe('captured');
  });

  it('records nothing when Stripe cannot be reached, so its retry applies the event', async () => {
    const owner = await signUp(t.url, 'stripe-retry');
    const { sub, cus, inv } = ids();
    stub.subscriptions.set(
      sub,
      subscriptionObject({ id: sub, customer: cus, status: 'active', orgId: owner.orgId, planId: 'pro' }),
    );
    const event = {
      id: 'evt_retry',
      type: 'invoice.paid',
      object: invoiceObject({ id: inv, subscription: sub, customer: cus, orgId: owner.orgId, amount: 4900 }),
    };
    stub.state.failNext = 3;
    const failed = await sendStripe(t.url, event);
    expect(failed.status).toBe(503);
    expect(await billingState(t, owner.orgId)).toMatchObject({ transactions: 0, events: 0, payments: [] });
    const retried = await sendStripe(t.url, event);
    expect(retried.body).toMatchObject({ duplicate: false, outcome: 'captured' });
  });

  it('follows a plan change made in the portal (the price maps to a plan) and checks out with that price', async () => {
    const owner = await signUp(t.url, 'stripe-upgrade');
    const { sub, cus } = ids();
    const pro = subscriptionObject({
      id: sub,
      customer: cus,
      status: 'active',
      orgId: owner.orgId,
      planId: 'pro',
    });
    stub.subscriptions.set(sub, pro);
    await sendStripe(t.url, { id: `evt_pc_1_${sub}`, type: 'customer.subscription.updated', object: pro });
    expect(await planOf(owner.orgId)).toBe('pro');
    const upgraded = subscriptionObject({
      id: sub,
      customer: cus,
      status: 'active',
      orgId: owner.orgId,
      planId: 'pro',
      priceId: 'price_business_usd',
    });
    stub.subscriptions.set(sub, upgraded);
    await sendStripe(t.url, {
      id: `evt_pc_2_${sub}`,
      type: 'customer.subscription.updated',
      object: upgraded,
    });
    expect(await planOf(owner.orgId)).toBe('business');

    const other = await signUp(t.url, 'stripe-mapped');
    const res = await other.api.post('/v1/billing/checkout', {
      plan_id: 'business',
      currency: 'USD',
      provider: 'stripe',
    });
    expect(res.status).toBe(201);
    const sent = stub.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!.params;
    expect(sent.get('line_items[0][price]')).toBe('price_business_usd');
    expect(sent.get('line_items[0][price_data][unit_amount]')).toBeNull();
  });
});
