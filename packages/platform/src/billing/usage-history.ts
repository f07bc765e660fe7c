import { currentPeriod, type ServiceContext } from '@assay/core';
import { llmUsage, organizations, plans, usageEvents } from '@assay/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';

/** Which module each metered quota belongs to, for per-module views. */
export const METRIC_MODULES: Record<string, string> = {
  assessment_completed: 'compliance',
  'compliance.max_document_bytes': 'compliance',
  'visibility.scan_answers': 'visibility',
  'intel.reports_ingested': 'intel',
  'llm.cost_micros': 'ai',
  'exports.created': 'core',
  'members.seats': 'core',
  'projects.count': 'core',
  'storage.bytes': 'core',
};
export const moduleOf = (metric: string) => METRIC_MODULES[metric] ?? metric.split('.')[0];

export const usageHistoryQuery = z.object({ months: z.coerce.number().int().min(1).max(24).default(6) });

export const usageHistoryView = z.object({
  periods: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      metrics: z.array(
        z.object({ metric: z.string(), module: z.string(), used: z.number(), limit: z.number().nullable() }),
      ),
      llm_cost_micros_by_module: z.record(z.string(), z.number()),
    }),
  ),
});

const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** Usage per calendar month and module for the last `months` months, newest first, against today's plan. */
export async function usageHistory(ctx: ServiceContext, months: number) {
  const { start: thisMonth } = currentPeriod();
  const since = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - (months - 1), 1));
  const [org] = await ctx.db
    .select({ quotas: plans.quotas })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, ctx.orgId));
  const month = sql<string>`to_char(date_trunc('month', ${usageEvents.createdAt} at time zone 'UTC'), 'YYYY-MM')`;
  const events = await ctx.db
    .select({ month, metric: usageEvents.metric, used: sql<string>`sum(${usageEvents.quantity})` })
    .from(usageEvents)
    .where(and(eq(usageEvents.orgId, ctx.orgId), gte(usageEvents.createdAt, since)))
    .groupBy(month, usageEvents.metric);
  const llmMonth = sql<string>`to_char(date_trunc('month', ${llmUsage.createdAt} at time zone 'UTC'), 'YYYY-MM')`;
  const llm = await ctx.db
    .select({ month: llmMonth, module: llmUsage.module, cost: sql<string>`sum(${llmUsage.costMicros})` })
    .from(llmUsage)
    .where(and(eq(llmUsage.orgId, ctx.orgId), gte(llmUsage.createdAt, since)))
    .groupBy(llmMonth, llmUsage.module);
  const periods = [];
  for (let i = 0; i < months; i++) {
    const start = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const key = monthKey(start);
    const used = new Map(events.filter((e) => e.month === key).map((e) => [e.metric, Number(e.used)]));
    const byModule = Object.fromEntries(
      llm.filter((l) => l.month === key).map((l) => [l.module, Number(l.cost)]),
    );
    used.set(
      'llm.cost_micros',
      Object.values(byModule).reduce((a, b) => a + b, 0),
    );
    const metered = Object.keys(org?.quotas ?? {}).filter(
      (m) => !m.includes('max_') && !/\.(count|seats|bytes)$/.test(m),
    );
    const names = [...new Set([...metered, ...used.keys()])].sort();
    periods.push({
      start: start.toISOString(),
      end: end.toISOString(),
      metrics: names.map((metric) => ({
        metric,
        module: moduleOf(metric),
        used: used.get(metric) ?? 0,
        limit: org?.quotas[metric] ?? null,
      })),
      llm_cost_micros_by_module: byModule,
    });
  }
  return { periods };
}
