import { type Currency, type Db, subscriptions } from '@assay/db';
import { and, eq } from 'drizzle-orm';

export const addMonths = (date: Date, months: number) => {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
};

/**
 * Razorpay payments buy one month of a plan. The organization has one prepaid row: a payment for the
 * plan it already holds extends the period from its end; another plan starts a new period now.
 */
export async function extendPrepaid(
  tx: Db,
  input: { orgId: string; planId: string; currency: Currency; seats: number; paidAt: Date },
): Promise<string> {
  const key = `prepaid:${input.orgId}`;
  const [current] = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.provider, 'razorpay'), eq(subscriptions.providerSubscriptionId, key)))
    .for('update');
  const running =
    current?.status === 'active' &&
    current.planId === input.planId &&
    current.currentPeriodEnd &&
    current.currentPeriodEnd > input.paidAt;
  const start = running ? (current.currentPeriodStart ?? input.paidAt) : input.paidAt;
  const end = addMonths(running ? (current.currentPeriodEnd as Date) : input.paidAt, 1);
  const values = {
    planId: input.planId,
    status: 'active' as const,
    currency: input.currency,
    seats: input.seats,
    currentPeriodStart: start,
    currentPeriodEnd: end,
    endedAt: null,
  };
  if (current) {
    await tx.update(subscriptions).set(values).where(eq(subscriptions.id, current.id));
    return current.id;
  }
  const [row] = await tx
    .insert(subscriptions)
    .values({ ...values, orgId: input.orgId, provider: 'razorpay', providerSubscriptionId: key })
    .returning({ id: subscriptions.id });
  return row.id;
}
