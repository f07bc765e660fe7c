import { type Platform, recordAudit } from '@assay/core';
import { type BillingProvider, type Currency, type Db, payments } from '@assay/db';
import { eq } from 'drizzle-orm';
import { ACCOUNTS } from '../ledger/accounts.ts';
import { postLedger } from '../ledger/post.ts';
import { providerContext } from './system-context.ts';

type PaymentRow = typeof payments.$inferSelect;

export interface CaptureInput {
  payment: PaymentRow;
  provider: BillingProvider;
  providerPaymentId: string;
  amount: number;
  currency: Currency;
  /** The provider's fee (tax included), booked as an expense against the clearing account. */
  fee?: number;
  occurredAt: Date;
  traceId: string | null;
  /** Runs once the payment is known to be new; returns the subscription it pays for. */
  subscription?: () => Promise<string | null>;
}

/**
 * Books a captured payment once: ledger entries (unique reference per provider payment), the
 * payment row, the audit entry and the `billing.payment_captured` job, all in the caller's
 * transaction. Returns null when this payment was booked before.
 */
export async function bookCapture(tx: Db, platform: Platform, input: CaptureInput) {
  const { payment, provider, amount, currency } = input;
  const lines = [
    { account: ACCOUNTS.cash(provider), currency, amount },
    { account: ACCOUNTS.revenue, currency, amount: -amount },
  ];
  const fee = input.fee ?? 0;
  if (fee > 0 && fee < amount) {
    lines.push(
      { account: ACCOUNTS.fees(provider), currency, amount: fee },
      { account: ACCOUNTS.cash(provider), currency, amount: -fee },
    );
  }
  if (amount > 0) {
    const txId = await postLedger(tx, {
      orgId: payment.orgId,
      reference: `${provider}:capture:${input.providerPaymentId}`,
      kind: 'payment',
      paymentId: payment.id,
      description: `${provider} payment ${input.providerPaymentId} for plan ${payment.planId}`,
      occurredAt: input.occurredAt,
      lines,
    });
    if (!txId) return null;
  } else if (payment.status === 'captured') {
    return null;
  }
  const subscriptionId = (await input.subscription?.()) ?? payment.subscriptionId;
  await tx
    .update(payments)
    .set({
      subscriptionId,
      status: 'captured',
      providerPaymentId: input.providerPaymentId,
      amount,
      currency,
      capturedAt: input.occurredAt,
      failureReason: null,
    })
    .where(eq(payments.id, payment.id));
  const job = await platform.jobs.enqueue(tx, {
    orgId: payment.orgId,
    name: 'billing.payment_captured',
    payload: { orgId: payment.orgId, paymentId: payment.id },
    idempotencyKey: `billing.payment_captured:${payment.id}`,
  });
  await recordAudit(tx, providerContext(payment.orgId, input.traceId), {
    action: 'billing.payment_captured',
    targetType: 'payment',
    targetId: payment.id,
    after: { provider, provider_payment_id: input.providerPaymentId, amount, currency, plan: payment.planId },
  });
  return { jobId: job.id };
}

/** Books a refund once (unique per provider refund id); refuses more than was paid. */
export async function bookRefund(
  tx: Db,
  input: {
    payment: PaymentRow;
    refundId: string;
    amount: number;
    occurredAt: Date;
    traceId: string | null;
  },
): Promise<'booked' | 'duplicate' | 'exceeds_payment' | 'not_captured'> {
  const { payment, amount } = input;
  if (!['captured', 'partially_refunded', 'refunded'].includes(payment.status)) return 'not_captured';
  if (!Number.isSafeInteger(amount) || amount <= 0 || payment.amountRefunded + amount > payment.amount)
    return 'exceeds_payment';
  const txId = await postLedger(tx, {
    orgId: payment.orgId,
    reference: `${payment.provider}:refund:${input.refundId}`,
    kind: 'refund',
    paymentId: payment.id,
    description: `${payment.provider} refund ${input.refundId}`,
    occurredAt: input.occurredAt,
    lines: [
      { account: ACCOUNTS.refunds, currency: payment.currency, amount },
      { account: ACCOUNTS.cash(payment.provider), currency: payment.currency, amount: -amount },
    ],
  });
  if (!txId) return 'duplicate';
  const refunded = payment.amountRefunded + amount;
  await tx
    .update(payments)
    .set({ amountRefunded: refunded, status: refunded >= payment.amount ? 'refunded' : 'partially_refunded' })
    .where(eq(payments.id, payment.id));
  await recordAudit(tx, providerContext(payment.orgId, input.traceId), {
    action: 'billing.payment_refunded',
    targetType: 'payment',
    targetId: payment.id,
    after: { refund_id: input.refundId, amount, currency: payment.currency, total_refunded: refunded },
  });
  return 'booked';
}
