import type { Platform } from '@assay/core';
import { CURRENCIES, type Db, invoices, payments } from '@assay/db';
import { and, asc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { bookCapture, bookRefund } from '../payments/book.ts';
import { refreshOrgPlan } from '../subscriptions/plan.ts';
import { extendPrepaid } from '../subscriptions/prepaid.ts';
import type { EventEffects } from '../webhook-effects.ts';

const paymentEntity = z.object({
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  currency: z.string(),
  status: z.string(),
  order_id: z.string().nullable().optional(),
  fee: z.number().int().nullable().optional(),
  error_code: z.string().nullable().optional(),
  error_description: z.string().nullable().optional(),
  created_at: z.number().optional(),
});
const refundEntity = z.object({
  id: z.string().min(1),
  payment_id: z.string().min(1),
  amount: z.number().int().positive(),
  currency: z.string(),
  status: z.string().optional(),
  created_at: z.number().optional(),
});

/** The envelope of every Razorpay webhook; entities are checked per event type. */
export const razorpayEvent = z.object({
  entity: z.literal('event'),
  event: z.string().min(1),
  payload: z.object({
    payment: z.object({ entity: paymentEntity }).optional(),
    refund: z.object({ entity: refundEntity }).optional(),
  }),
  created_at: z.number().int(),
});
export type RazorpayEvent = z.infer<typeof razorpayEvent>;

type Payment = z.infer<typeof paymentEntity>;

/** The payment row by Razorpay's payment id, else by its order (the first event about a payment). */
async function paymentFor(tx: Db, p: Payment) {
  const rows = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.provider, 'razorpay'),
        p.order_id
          ? or(eq(payments.providerPaymentId, p.id), eq(payments.providerOrderId, p.order_id))
          : eq(payments.providerPaymentId, p.id),
      ),
    )
    .orderBy(asc(payments.id))
    .for('update');
  return rows.find((r) => r.providerPaymentId === p.id) ?? rows[0];
}

const RANK = { created: 0, failed: 1, authorized: 2, captured: 3, partially_refunded: 4, refunded: 5 };

/**
 * Applies one verified Razorpay event inside the caller's transaction. Statuses only move forward,
 * so events in any order end in the same state; bookings are keyed by Razorpay's payment and refund ids.
 */
export async function applyRazorpayEvent(
  tx: Db,
  platform: Platform,
  event: RazorpayEvent,
  traceId: string | null,
): Promise<EventEffects> {
  const p = event.payload.payment?.entity;
  const occurredAt = new Date(event.created_at * 1000);
  switch (event.event) {
    case 'payment.authorized':
    case 'payment.captured':
    case 'order.paid':
    case 'payment.failed': {
      if (!p) return { outcome: 'missing_payment' };
      const row = await paymentFor(tx, p);
      if (!row) return { outcome: 'unknown_order' };
      const effects: EventEffects = { orgId: row.orgId, outcome: 'no_change' };
      if (event.event === 'payment.failed') {
        if (RANK[row.status] >= RANK.authorized && row.providerPaymentId !== p.id) return effects;
        if (RANK[row.status] >= RANK.captured) return effects;
        await tx
          .update(payments)
          .set({
            status: 'failed',
            providerPaymentId: p.id,
            failureReason: p.error_description ?? p.error_code ?? 'payment failed',
          })
          .where(eq(payments.id, row.id));
        return { ...effects, outcome: 'failed' };
      }
      if (event.event === 'payment.authorized') {
        if (RANK[row.status] >= RANK.authorized) return effects;
        await tx
          .update(payments)
          .set({ status: 'authorized', providerPaymentId: p.id })
          .where(eq(payments.id, row.id));
        return { ...effects, outcome: 'authorized' };
      }
      if (p.status !== 'captured') return effects;
      const currency = p.currency.toUpperCase();
      if (!CURRENCIES.includes(currency as never)) return { ...effects, outcome: 'unsupported_currency' };
      if (RANK[row.status] >= RANK.captured && row.providerPaymentId && row.providerPaymentId !== p.id) {
        // A second payment against an order that was already paid: real money, booked on its own row.
        const [extra] = await tx
          .insert(payments)
          .values({
            orgId: row.orgId,
            provider: 'razorpay',
            providerPaymentId: p.id,
            planId: row.planId,
            seats: row.seats,
            amount: p.amount,
            currency: row.currency,
            status: 'created',
          })
          .onConflictDoNothing()
          .returning();
        if (!extra) return { ...effects, outcome: 'duplicate_payment' };
        return captureRow(tx, platform, extra, p, currency as never, occurredAt, traceId);
      }
      return captureRow(tx, platform, row, p, currency as never, occurredAt, traceId);
    }
    case 'refund.processed': {
      const r = event.payload.refund?.entity;
      if (!r) return { outcome: 'missing_refund' };
      const [row] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.provider, 'razorpay'), eq(payments.providerPaymentId, r.payment_id)))
        .for('update');
      if (!row) return { outcome: 'unknown_payment' };
      if (r.currency.toUpperCase() !== row.currency)
        return { orgId: row.orgId, outcome: 'currency_mismatch' };
      const outcome = await bookRefund(tx, {
        payment: row,
        refundId: r.id,
        amount: r.amount,
        occurredAt: r.created_at ? new Date(r.created_at * 1000) : occurredAt,
        traceId,
      });
      return { orgId: row.orgId, outcome: outcome === 'booked' ? 'refunded' : outcome };
    }
    default:
      return { outcome: 'ignored' };
  }
}

async function captureRow(
  tx: Db,
  platform: Platform,
  row: typeof payments.$inferSelect,
  p: Payment,
  currency: 'INR' | 'USD',
  occurredAt: Date,
  traceId: string | null,
): Promise<EventEffects> {
  const booked = await bookCapture(tx, platform, {
    payment: row,
    provider: 'razorpay',
    providerPaymentId: p.id,
    amount: p.amount,
    currency,
    fee: p.fee ?? 0,
    occurredAt,
    traceId,
    subscription: () =>
      extendPrepaid(tx, {
        orgId: row.orgId,
        planId: row.planId,
        currency,
        seats: row.seats,
        paidAt: occurredAt,
      }),
  });
  if (!booked) return { orgId: row.orgId, outcome: 'duplicate_payment' };
  const stamp = occurredAt.toISOString().slice(0, 7).replace('-', '');
  await tx
    .insert(invoices)
    .values({
      orgId: row.orgId,
      provider: 'razorpay',
      providerInvoiceId: p.id,
      paymentId: row.id,
      number: `ASY-${stamp}-${row.id.slice(-8).toUpperCase()}`,
      planId: row.planId,
      amount: p.amount,
      currency,
      status: 'paid',
      periodStart: occurredAt,
    })
    .onConflictDoNothing();
  const plan = await refreshOrgPlan(tx, row.orgId);
  return { orgId: row.orgId, outcome: 'captured', jobIds: [booked.jobId], planChanged: plan.changed };
}
