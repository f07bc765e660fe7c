import { type Db, organizations, plans, usageEvents } from '@assay/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { AppError } from './errors.ts';

/** Quotas reset at the start of each calendar month, UTC. */
export function currentPeriod(now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

export interface UsageCharge {
  orgId: string;
  metric: string;
  quantity?: number;
  refType?: string;
  refId?: string;
  /** False records the usage without checking the limit (it was checked when the work was accepted). */
  enforce?: boolean;
}

/**
 * Checks the plan's quota for a metric and records the usage, in the caller's transaction.
 * The organization row is locked first so two concurrent requests cannot both squeeze under the limit.
 * Over quota: 402 QUOTA_EXCEEDED with the quota, the usage and the reset time; nothing is recorded.
 */
export async function chargeUsage(
  tx: Db,
  charge: UsageCharge,
): Promise<{ used: number; limit: number | null }> {
  const quantity = charge.quantity ?? 1;
  const [org] = await tx
    .select({ quotas: plans.quotas })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, charge.orgId))
    .for('update', { of: organizations });
  if (!org) throw new AppError('NOT_FOUND', 'Organization not found');
  const limit = org.quotas[charge.metric];
  const { start, end } = currentPeriod();
  let used = 0;
  if (limit !== undefined && charge.enforce !== false) {
    const [row] = await tx
      .select({ used: sql<number>`coalesce(sum(${usageEvents.quantity}), 0)::bigint` })
      .from(usageEvents)
      .where(
        and(
          eq(usageEvents.orgId, charge.orgId),
          eq(usageEvents.metric, charge.metric),
          gte(usageEvents.createdAt, start),
        ),
      );
    used = Number(row.used);
    if (used + quantity > limit) {
      throw new AppError('QUOTA_EXCEEDED', `Your plan allows ${limit} ${charge.metric} per month`, {
        extra: {
          quota: { metric: charge.metric, limit, used, requested: quantity, resets_at: end.toISOString() },
        },
      });
    }
  }
  await tx.insert(usageEvents).values({
    orgId: charge.orgId,
    metric: charge.metric,
    quantity,
    refType: charge.refType ?? null,
    refId: charge.refId ?? null,
  });
  return { used: used + quantity, limit: limit ?? null };
}

/**
 * For quotas on a count that goes up and down (projects, seats): `count` is taken under the
 * organization's row lock, and adding `adding` more must stay within the plan's limit.
 */
export async function assertWithinLimit(
  tx: Db,
  orgId: string,
  metric: string,
  count: (tx: Db) => Promise<number>,
  adding = 1,
) {
  const [org] = await tx
    .select({ quotas: plans.quotas })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, orgId))
    .for('update', { of: organizations });
  if (!org) throw new AppError('NOT_FOUND', 'Organization not found');
  const limit = org.quotas[metric];
  if (limit === undefined) return;
  const used = await count(tx);
  if (used + adding > limit) {
    throw new AppError('QUOTA_EXCEEDED', `Your plan allows ${limit} ${metric}`, {
      extra: { quota: { metric, limit, used, requested: adding, resets_at: null } },
    });
  }
}
