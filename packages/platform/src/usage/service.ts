import { currentPeriod, type ServiceContext } from '@assay/core';
import { organizations, plans, usageEvents } from '@assay/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { withCountedUsage } from '../billing/counted-usage.ts';

export const usageView = z.object({
  plan: z.object({ id: z.string(), name: z.string(), rate_limit_per_minute: z.number() }),
  period: z.object({ start: z.string(), end: z.string() }),
  metrics: z.array(z.object({ metric: z.string(), used: z.number(), limit: z.number().nullable() })),
});

/** This month's usage per metric next to the plan's limits. */
export async function usageSummary(ctx: ServiceContext): Promise<z.infer<typeof usageView>> {
  const { start, end } = currentPeriod();
  const [row] = await ctx.db
    .select({ plan: plans })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, ctx.orgId));
  const used = await ctx.db
    .select({ metric: usageEvents.metric, used: sql<number>`sum(${usageEvents.quantity})::bigint` })
    .from(usageEvents)
    .where(and(eq(usageEvents.orgId, ctx.orgId), gte(usageEvents.createdAt, start)))
    .groupBy(usageEvents.metric);
  const byMetric = new Map(used.map((u) => [u.metric, Number(u.used)]));
  const names = [...new Set([...Object.keys(row.plan.quotas), ...byMetric.keys()])].sort();
  // LLM spend, storage, seats and projects are read where the quota checks read them.
  const metrics = await withCountedUsage(
    ctx.db,
    ctx.orgId,
    names.map((metric) => ({
      metric,
      used: byMetric.get(metric) ?? 0,
      limit: row.plan.quotas[metric] ?? null,
    })),
  );
  return {
    plan: { id: row.plan.id, name: row.plan.name, rate_limit_per_minute: row.plan.rateLimitPerMinute },
    period: { start: start.toISOString(), end: end.toISOString() },
    metrics,
  };
}
