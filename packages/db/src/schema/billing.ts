import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns.ts';

/** Quota limits keyed by metric (for example `exports.created`); a missing metric is unlimited. */
export type PlanQuotas = Record<string, number>;

/** Currencies plans are priced in and the ledger books; amounts are integer minor units (paise, cents). */
export const CURRENCIES = ['INR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
/** Monthly price per currency in minor units; a plan without prices is not for sale (free). */
export type PlanPrices = Partial<Record<Currency, number>>;

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  quotas: jsonb('quotas').$type<PlanQuotas>().notNull(),
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
  retentionDays: integer('retention_days'),
  prices: jsonb('prices').$type<PlanPrices>().notNull().default({}),
  /** Members included; the same figure as the `members.seats` quota. */
  seats: integer('seats').notNull().default(1),
  /** Order in the plan picker. */
  rank: integer('rank').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const usageEvents = pgTable(
  'usage_events',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('usage_events_org_id_idx').on(t.orgId),
    index('usage_events_org_metric_created_idx').on(t.orgId, t.metric, t.createdAt),
    index('usage_events_created_at_idx').on(t.createdAt),
  ],
);

export type BillingProvider = 'stripe' | 'razorpay';
export type SubscriptionStatus =
  | 'incomplete'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'unpaid'
  | 'canceled'
  | 'expired';

/**
 * A paid plan held through one provider. Stripe subscriptions mirror Stripe's object; Razorpay
 * payments buy a month at a time, so their row's period is extended by each captured payment.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    provider: text('provider').$type<BillingProvider>().notNull(),
    providerSubscriptionId: text('provider_subscription_id'),
    providerCustomerId: text('provider_customer_id'),
    status: text('status').$type<SubscriptionStatus>().notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    seats: integer('seats').notNull().default(1),
    currentPeriodStart: tstz('current_period_start'),
    currentPeriodEnd: tstz('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    endedAt: tstz('ended_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('subscriptions_org_id_idx').on(t.orgId),
    index('subscriptions_created_at_idx').on(t.createdAt),
    uniqueIndex('subscriptions_provider_ref_key').on(t.provider, t.providerSubscriptionId),
    index('subscriptions_status_end_idx').on(t.status, t.currentPeriodEnd),
  ],
);

export type PaymentStatus =
  | 'created'
  | 'authorized'
  | 'captured'
  | 'failed'
  | 'refunded'
  | 'partially_refunded';

/**
 * One payment attempt. Unique on the provider's payment id, so the same payment reported under two
 * event ids is one row; Razorpay rows start at order creation (`provider_order_id`).
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    provider: text('provider').$type<BillingProvider>().notNull(),
    providerPaymentId: text('provider_payment_id'),
    providerOrderId: text('provider_order_id'),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    seats: integer('seats').notNull().default(1),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    amountRefunded: bigint('amount_refunded', { mode: 'number' }).notNull().default(0),
    currency: text('currency').$type<Currency>().notNull(),
    status: text('status').$type<PaymentStatus>().notNull(),
    failureReason: text('failure_reason'),
    capturedAt: tstz('captured_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_org_id_idx').on(t.orgId),
    index('payments_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('payments_created_at_idx').on(t.createdAt),
    uniqueIndex('payments_provider_payment_key').on(t.provider, t.providerPaymentId),
    uniqueIndex('payments_provider_order_key').on(t.provider, t.providerOrderId),
    check('payments_amount_nonnegative', sql`${t.amount} >= 0 and ${t.amountRefunded} >= 0`),
  ],
);

/** A bill for one paid period: Stripe's invoice mirrored, or ours for a Razorpay payment. */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    provider: text('provider').$type<BillingProvider>().notNull(),
    providerInvoiceId: text('provider_invoice_id').notNull(),
    paymentId: uuid('payment_id').references(() => payments.id),
    number: text('number').notNull(),
    planId: text('plan_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    status: text('status').$type<'open' | 'paid' | 'void' | 'uncollectible'>().notNull(),
    periodStart: tstz('period_start'),
    periodEnd: tstz('period_end'),
    hostedUrl: text('hosted_url'),
    pdfUrl: text('pdf_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('invoices_org_id_idx').on(t.orgId),
    index('invoices_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('invoices_created_at_idx').on(t.createdAt),
    uniqueIndex('invoices_provider_ref_key').on(t.provider, t.providerInvoiceId),
  ],
);

/**
 * Append-only double-entry ledger. A transaction groups entries that sum to zero per currency;
 * `reference` (for example `razorpay:capture:pay_X`) is unique, so one business event books once.
 * Corrections are new transactions, never updates.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    reference: text('reference').notNull(),
    kind: text('kind').$type<'payment' | 'refund' | 'adjustment'>().notNull(),
    paymentId: uuid('payment_id').references(() => payments.id),
    description: text('description').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_transactions_org_id_idx').on(t.orgId),
    index('ledger_transactions_created_at_idx').on(t.createdAt),
    uniqueIndex('ledger_transactions_reference_key').on(t.reference),
    index('ledger_transactions_payment_idx').on(t.paymentId),
  ],
);

/** Positive amounts are debits, negative credits; an account's balance is the sum of its entries. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    orgId: uuid('org_id').notNull(),
    account: text('account').notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_org_id_idx').on(t.orgId),
    index('ledger_entries_created_at_idx').on(t.createdAt),
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_org_account_idx').on(t.orgId, t.account, t.currency),
    check('ledger_entries_amount_nonzero', sql`${t.amount} <> 0`),
    check('ledger_entries_currency', sql`${t.currency} in ('INR', 'USD')`),
  ],
);

/**
 * Provider events already handled, written in the same transaction as their effects: a repeat (or a
 * concurrent duplicate, which waits on the unique index) finds its row and does nothing.
 */
export const billingEvents = pgTable(
  'billing_events',
  {
    id: id(),
    provider: text('provider').$type<BillingProvider>().notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    orgId: uuid('org_id'),
    outcome: text('outcome').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('billing_events_provider_event_key').on(t.provider, t.eventId),
    index('billing_events_org_id_idx').on(t.orgId),
    index('billing_events_created_at_idx').on(t.createdAt),
  ],
);
