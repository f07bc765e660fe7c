import { currentPeriod, defineJob, type Platform } from '@assay/core';
import { organizations, plans, usageEvents } from '@assay/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queueNotifications } from './queue.ts';
import { adminIds } from './recipients.ts';

/** Share of a monthly quota at which admins are warned (once per metric and month). */
export const QUOTA_WARNING_SHARE = 0.8;

/**
 * Finds organizations that used most of a metered quota this month and emails their owners and
 * admins once per metric and period (the email job's idempotency key holds the "once").
 */
export const quotaCheckJob = (platform: Platform) =>
  defineJob({
    name: 'notifications.quota-check',
    queue: 'scheduled',
    payload: z.object({}).strict(),
    maxAttempts: 3,
    async handler(_payload, ctx) {
      const { start, end } = currentPeriod();
      const usage = await ctx.db
        .select({
          orgId: usageEvents.orgId,
          metric: usageEvents.metric,
          used: sql<string>`sum(${usageEvents.quantity})`,
          quotas: plans.quotas,
        })
        .from(usageEvents)
        .innerJoin(organizations, eq(organizations.id, usageEvents.orgId))
        .innerJoin(plans, eq(plans.id, organizations.planId))
        .where(and(gte(usageEvents.createdAt, start)))
        .groupBy(usageEvents.orgId, usageEvents.metric, plans.quotas);
      const near = usage
        .map((u) => ({ ...u, used: Number(u.used), limit: u.quotas[u.metric] }))
        .filter((u) => typeof u.limit === 'number' && u.limit > 0 && u.used >= u.limit * QUOTA_WARNING_SHARE);
      const queued: string[] = [];
      for (const u of near) {
        const ids = await ctx.db.transaction(async (tx) =>
          queueNotifications(
            tx,
            (await adminIds(tx, u.orgId)).map((userId) => ({
              orgId: u.orgId,
              userId,
              kind: 'quota_nearly_reached' as const,
              params: {
                metric: u.metric,
                used: u.used,
                limit: u.limit,
                percent: Math.min(100, Math.floor((u.used / u.limit) * 100)),
                resets_at: end.toISOString(),
              },
              key: `${u.metric}:${start.toISOString().slice(0, 7)}`,
            })),
          ),
        );
        queued.push(...ids);
      }
      if (queued.length > 0) await platform.jobs.dispatch(queued);
      return { organizations_near_quota: new Set(near.map((u) => u.orgId)).size };
    },
  });
