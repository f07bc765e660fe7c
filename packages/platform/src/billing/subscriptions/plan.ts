import { type Db, organizations, plans, type SubscriptionStatus, subscriptions } from '@assay/db';
import { and, desc, eq, inArray } from 'drizzle-orm';

/** Statuses that keep a paid plan in force (past_due: the provider is still retrying the payment). */
export const GRANTING: SubscriptionStatus[] = ['active', 'trialing', 'past_due'];

/**
 * Sets the organization's plan from its subscriptions: the highest-ranked plan any granting
 * subscription holds, else free. Returns whether it changed (callers then drop cached plan limits).
 */
export async function refreshOrgPlan(tx: Db, orgId: string): Promise<{ changed: boolean; planId: string }> {
  const [org] = await tx
    .select({ planId: organizations.planId })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('update');
  if (!org) return { changed: false, planId: 'free' };
  const [best] = await tx
    .select({ planId: subscriptions.planId })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.orgId, orgId), inArray(subscriptions.status, GRANTING)))
    .orderBy(desc(plans.rank), desc(subscriptions.currentPeriodEnd))
    .limit(1);
  const planId = best?.planId ?? 'free';
  if (planId === org.planId) return { changed: false, planId };
  await tx.update(organizations).set({ planId }).where(eq(organizations.id, orgId));
  return { changed: true, planId };
}
