import type { Platform } from '@assay/core';
import { type Db, plans, type SubscriptionStatus, subscriptions } from '@assay/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { refreshOrgPlan } from '../subscriptions/plan.ts';
import { planForStripePrice } from './client.ts';

const STATUS: Record<string, SubscriptionStatus> = {
  incomplete: 'incomplete',
  incomplete_expired: 'expired',
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  unpaid: 'unpaid',
  canceled: 'canceled',
  paused: 'unpaid',
};

/** Fetches the subscription as Stripe holds it now; a deleted one answers 404 and is treated as ended. */
export async function fetchStripeSubscription(
  stripe: Stripe,
  id: string,
): Promise<Stripe.Subscription | null> {
  try {
    return await stripe.subscriptions.retrieve(id);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

const stamp = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * Mirrors Stripe's current subscription object (never an event's snapshot), so events applied in
 * any order converge on Stripe's state; then recomputes the organization's plan.
 */
export async function syncStripeSubscription(
  tx: Db,
  platform: Platform,
  sub: Stripe.Subscription,
  hint: { orgId?: string | null; planId?: string | null } = {},
): Promise<{ orgId: string | null; planChanged: boolean }> {
  const [known] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.providerSubscriptionId, sub.id))
    .for('update');
  const orgId = sub.metadata?.org_id || known?.orgId || hint.orgId || null;
  if (!orgId) return { orgId: null, planChanged: false };
  const item = sub.items?.data?.[0];
  const planId =
    planForStripePrice(platform.config, item?.price?.id) ||
    sub.metadata?.plan_id ||
    known?.planId ||
    hint.planId;
  const [plan] = planId ? await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)) : [];
  if (!plan) return { orgId, planChanged: false };
  const currency = (item?.price?.currency ?? sub.currency ?? 'usd').toUpperCase() === 'INR' ? 'INR' : 'USD';
  const status = STATUS[sub.status] ?? 'incomplete';
  const values = {
    planId: plan.id,
    status,
    currency: currency as 'INR' | 'USD',
    seats: item?.quantity ?? 1,
    providerCustomerId: typeof sub.customer === 'string' ? sub.customer : (sub.customer?.id ?? null),
    currentPeriodStart: stamp(item?.current_period_start),
    currentPeriodEnd: stamp(item?.current_period_end),
    cancelAtPeriodEnd: sub.cancel_at_period_end ?? false,
    endedAt: stamp(sub.ended_at),
  };
  if (known) await tx.update(subscriptions).set(values).where(eq(subscriptions.id, known.id));
  else
    await tx
      .insert(subscriptions)
      .values({ ...values, orgId, provider: 'stripe', providerSubscriptionId: sub.id })
      .onConflictDoUpdate({
        target: [subscriptions.provider, subscriptions.providerSubscriptionId],
        set: values,
      });
  const refreshed = await refreshOrgPlan(tx, orgId);
  return { orgId, planChanged: refreshed.changed };
}

/** When Stripe no longer has the subscription: end our mirror of it. */
export async function endStripeSubscription(tx: Db, subscriptionId: string) {
  const [known] = await tx
    .update(subscriptions)
    .set({ status: 'canceled', endedAt: new Date() })
    .where(eq(subscriptions.providerSubscriptionId, subscriptionId))
    .returning({ orgId: subscriptions.orgId });
  if (!known) return { orgId: null, planChanged: false };
  const refreshed = await refreshOrgPlan(tx, known.orgId);
  return { orgId: known.orgId, planChanged: refreshed.changed };
}
