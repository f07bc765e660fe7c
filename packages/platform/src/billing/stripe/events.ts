import type { Platform } from '@assay/core';
import { CURRENCIES, type Currency, type Db, invoices, payments, subscriptions } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { bookCapture } from '../payments/book.ts';
import type { EventEffects } from '../webhook-effects.ts';
import { endStripeSubscription, fetchStripeSubscription, syncStripeSubscription } from './sync.ts';

/** The subscription an event concerns, fetched from Stripe before the transaction opens. */
export interface Prefetched {
  subscriptionId: string | null;
  subscription: Stripe.Subscription | null;
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

function subscriptionIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as unknown as Record<string, any>;
  switch (event.type) {
    case 'checkout.session.completed':
      return idOf(object.subscription);
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return idOf(object.parent?.subscription_details?.subscription ?? object.subscription);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return object.id ?? null;
    default:
      return null;
  }
}

export async function prefetchFor(stripe: Stripe, event: Stripe.Event): Promise<Prefetched> {
  const subscriptionId = subscriptionIdOf(event);
  return {
    subscriptionId,
    subscription: subscriptionId ? await fetchStripeSubscription(stripe, subscriptionId) : null,
  };
}

async function sync(
  tx: Db,
  platform: Platform,
  pre: Prefetched,
  hint: { orgId?: string | null; planId?: string | null },
) {
  if (pre.subscription) return syncStripeSubscription(tx, platform, pre.subscription, hint);
  if (pre.subscriptionId) return endStripeSubscription(tx, pre.subscriptionId);
  return { orgId: hint.orgId ?? null, planChanged: false };
}

/** Applies one verified Stripe event in the caller's transaction. */
export async function applyStripeEvent(
  tx: Db,
  platform: Platform,
  event: Stripe.Event,
  pre: Prefetched,
  traceId: string | null,
): Promise<EventEffects> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const hint = { orgId: session.client_reference_id, planId: session.metadata?.plan_id };
      const synced = await sync(tx, platform, pre, hint);
      return {
        orgId: synced.orgId ?? undefined,
        planChanged: synced.planChanged,
        outcome: 'subscription_synced',
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const synced = await sync(tx, platform, pre, {});
      return {
        orgId: synced.orgId ?? undefined,
        planChanged: synced.planChanged,
        outcome: synced.orgId ? 'subscription_synced' : 'unknown_subscription',
      };
    }
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return applyInvoice(tx, platform, event.type, event.data.object, pre, traceId);
    default:
      return { outcome: 'ignored' };
  }
}

async function applyInvoice(
  tx: Db,
  platform: Platform,
  type: 'invoice.paid' | 'invoice.payment_failed',
  invoice: Stripe.Invoice,
  pre: Prefetched,
  traceId: string | null,
): Promise<EventEffects> {
  if (typeof invoice.id !== 'string' || typeof invoice.currency !== 'string') return { outcome: 'malformed' };
  const meta = invoice.parent?.subscription_details?.metadata ?? {};
  const synced = await sync(tx, platform, pre, { orgId: meta.org_id, planId: meta.plan_id });
  let orgId = meta.org_id || synced.orgId || pre.subscription?.metadata?.org_id || null;
  let planId = meta.plan_id || pre.subscription?.metadata?.plan_id || null;
  if (pre.subscriptionId && (!orgId || !planId)) {
    const [known] = await tx
      .select({ orgId: subscriptions.orgId, planId: subscriptions.planId })
      .from(subscriptions)
      .where(eq(subscriptions.providerSubscriptionId, pre.subscriptionId));
    orgId ||= known?.orgId ?? null;
    planId ||= known?.planId ?? null;
  }
  if (!orgId || !planId) return { outcome: 'unknown_customer' };
  const currency = invoice.currency.toUpperCase() as Currency;
  if (!CURRENCIES.includes(currency)) return { orgId, outcome: 'unsupported_currency' };
  const paid = type === 'invoice.paid';
  const amount = paid ? invoice.amount_paid : invoice.amount_due;
  await tx
    .insert(payments)
    .values({
      orgId,
      provider: 'stripe',
      providerPaymentId: invoice.id as string,
      planId,
      amount,
      currency,
      status: paid ? 'created' : 'failed',
      failureReason: paid ? null : 'the card payment for this invoice failed',
    })
    .onConflictDoNothing();
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, 'stripe'), eq(payments.providerPaymentId, invoice.id as string)))
    .for('update');
  const invoiceValues = {
    paymentId: payment.id,
    number: invoice.number ?? (invoice.id as string),
    planId,
    amount: invoice.total ?? amount,
    currency,
    status: paid ? ('paid' as const) : ('open' as const),
    periodStart: invoice.period_start ? new Date(invoice.period_start * 1000) : null,
    periodEnd: invoice.period_end ? new Date(invoice.period_end * 1000) : null,
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
  const effects: EventEffects = { orgId, planChanged: synced.planChanged, outcome: 'no_change' };
  if (!paid) {
    if (payment.status === 'created') {
      await tx.update(payments).set({ status: 'failed' }).where(eq(payments.id, payment.id));
    }
    if (payment.status === 'created' || payment.status === 'failed')
      await upsertInvoice(tx, orgId, invoice.id as string, invoiceValues);
    return { ...effects, outcome: payment.status === 'captured' ? 'no_change' : 'payment_failed' };
  }
  const paidAt = invoice.status_transitions?.paid_at;
  const booked = await bookCapture(tx, platform, {
    payment,
    provider: 'stripe',
    providerPaymentId: invoice.id as string,
    amount,
    currency,
    occurredAt: paidAt ? new Date(paidAt * 1000) : new Date(),
    traceId,
  });
  if (!booked) return { ...effects, outcome: 'duplicate_payment' };
  if (pre.subscriptionId) {
    const [sub] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(eq(subscriptions.providerSubscriptionId, pre.subscriptionId));
    if (sub) await tx.update(payments).set({ subscriptionId: sub.id }).where(eq(payments.id, payment.id));
  }
  await upsertInvoice(tx, orgId, invoice.id as string, invoiceValues);
  return { ...effects, outcome: 'captured', jobIds: [booked.jobId] };
}

async function upsertInvoice(
  tx: Db,
  orgId: string,
  providerInvoiceId: string,
  values: Omit<typeof invoices.$inferInsert, 'orgId' | 'provider' | 'providerInvoiceId'>,
) {
  await tx
    .insert(invoices)
    .values({ ...values, orgId, provider: 'stripe', providerInvoiceId })
    .onConflictDoUpdate({ target: [invoices.provider, invoices.providerInvoiceId], set: values });
}
