import { type Db, llmUsage, organizations, plans, usageEvents } from '@assay/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { storedBytes } from './module-storage.ts';

/** Quotas reset at the start of each calendar month, UTC. */
export function currentPeriod(now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** The metered quotas of every module; plans set a limit for each (a metric left out is unlimited). */
export const QUOTA_METRICS = {
  assessments: 'assessment_completed',
  scanAnswers: 'visibility.scan_answers',
  reportsIngested: 'intel.reports_ingested',
  /** USD millionths spent on LLM calls, read from `llm_usage` (the AI layer records it). */
  llmSpend: 'llm.cost_micros',
  storageBytes: 'storage.bytes',
  exports: 'exports.created',
} as const;

/** Metrics whose usage is read from another table instead of `usage_events`. */
const DERIVED: Record<string, (tx: Db, orgId: string, since: Date) => Promise<number>> = {
  // A level, not a monthly flow: what is stored now, whatever the period.
  [QUOTA_METRICS.storageBytes]: (tx, orgId) => storedBytes(tx, orgId),
  [QUOTA_METRICS.llmSpend]: async (tx, orgId, since) => {
    const [row] = await tx
      .select({ used: sql<number>`coalesce(sum(${llmUsage.costMicros}), 0)::bigint` })
      .from(llmUsage)
      .where(and(eq(llmUsage.orgId, orgId), gte(llmUsage.createdAt, since)));
    return Number(row.used);
  },
};

export const isDerivedMetric = (metric: string) => metric in DERIVED;

/** What an organization used of a metric since `since` (this month by default). */
export async function usageSince(
  tx: Db,
  orgId: string,
  metric: string,
  since = currentPeriod().start,
): Promise<number> {
  const derived = DERIVED[metric];
  if (derived) return derived(tx, orgId, since);
  const [row] = await tx
    .select({ used: sql<number>`coalesce(sum(${usageEvents.quantity}), 0)::bigint` })
    .from(usageEvents)
    .where(
      and(eq(usageEvents.orgId, orgId), eq(usageEvents.metric, metric), gte(usageEvents.createdAt, since)),
    );
  return Number(row.used);
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

/** Locks the organization row (concurrent requests queue here) and returns its plan's quotas. */
function planQuotas(db: Db, orgId: string) {
  return db
    .select({ quotas: plans.quotas, planId: plans.id })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, orgId));
}

async function lockedQuotas(tx: Db, orgId: string) {
  const [org] = await planQuotas(tx, orgId).for('update', { of: organizations });
  if (!org) throw new AppError('NOT_FOUND', 'Organization not found');
  return org;
}

/** 402 with the error envelope carrying the quota, the usage and when it resets. */
export function quotaExceeded(
  metric: string,
  limit: number,
  used: number,
  requested: number,
  resetsAt: Date | null,
  message: string,
) {
  return new AppError('QUOTA_EXCEEDED', message, {
    details: [{ field: metric, message: `used ${used} of ${limit}` }],
    extra: {
      quota: { metric, limit, used, requested, resets_at: resetsAt?.toISOString() ?? null },
    },
  });
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
  if (isDerivedMetric(charge.metric)) throw new Error(`${charge.metric} is recorded by its own table`);
  const quantity = charge.quantity ?? 1;
  const org = await lockedQuotas(tx, charge.orgId);
  const limit = org.quotas[charge.metric];
  const { end } = currentPeriod();
  let used = 0;
  if (limit !== undefined && charge.enforce !== false) {
    used = await usageSince(tx, charge.orgId, charge.metric);
    if (used + quantity > limit) {
      throw quotaExceeded(
        charge.metric,
        limit,
        used,
        quantity,
        end,
        `Your plan allows ${limit} ${charge.metric} per month`,
      );
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
 * Before accepting metered work: 402 if this month's usage plus `adding` would pass the plan's limit.
 * With `adding` 0 (a budget such as LLM spend, whose cost is known only afterwards) work is refused
 * once the budget is used up.
 */
export async function assertQuota(tx: Db, orgId: string, metric: string, adding = 1): Promise<void> {
  const org = await lockedQuotas(tx, orgId);
  const limit = org.quotas[metric];
  if (limit === undefined) return;
  const used = await usageSince(tx, orgId, metric);
  const over = adding === 0 ? used >= limit : used + adding > limit;
  if (over) {
    throw quotaExceeded(
      metric,
      limit,
      used,
      adding,
      resetsAtFor(metric),
      metric === QUOTA_METRICS.llmSpend
        ? "This month's AI budget of your plan is used up"
        : metric === QUOTA_METRICS.storageBytes
          ? `This file does not fit in your plan's ${limit} bytes of storage`
          : `Your plan allows ${limit} ${metric} per month`,
    );
  }
}

/** Levels (projects, seats, bytes stored) do not reset; metered counts (assessments this month) do. */
const resetsAtFor = (metric: string) =>
  /(\.count|\.seats|\.bytes)$/.test(metric) ? null : currentPeriod().end;

/** LLM work is accepted while this month's recorded LLM cost is under the plan's budget. */
export const assertLlmBudget = (tx: Db, orgId: string) => assertQuota(tx, orgId, QUOTA_METRICS.llmSpend, 0);

/**
 * For work that can run without a model (the baseline engines): whether this month's AI budget has
 * room left, read without locking, so a job can fall back instead of failing.
 */
export async function llmBudgetLeft(db: Db, orgId: string): Promise<boolean> {
  const [org] = await planQuotas(db, orgId);
  const limit = org?.quotas[QUOTA_METRICS.llmSpend];
  if (limit === undefined) return true;
  return (await usageSince(db, orgId, QUOTA_METRICS.llmSpend)) < limit;
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
  const org = await lockedQuotas(tx, orgId);
  const limit = org.quotas[metric];
  if (limit === undefined) return;
  const used = await count(tx);
  if (used + adding > limit) {
    throw quotaExceeded(
      metric,
      limit,
      used,
      adding,
      resetsAtFor(metric),
      `Your plan allows ${limit} ${metric}`,
    );
  }
}
