import { defineJob, type Platform } from '@assay/core';
import { subscriptions } from '@assay/db';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { refreshOrgPlan } from './plan.ts';

/**
 * Prepaid (Razorpay) periods end on their own: past their end the subscription expires and the
 * organization falls back to its best remaining plan (free when none). Stripe says so by webhook.
 */
export const expireSubscriptionsJob = (platform: Platform) =>
  defineJob({
    name: 'billing.expire_subscriptions',
    queue: 'scheduled',
    payload: z.object({}).passthrough(),
    maxAttempts: 3,
    async handler(_payload, ctx) {
      const now = new Date();
      const changedOrgs = await ctx.complete(async (tx) => {
        const ended = await tx
          .update(subscriptions)
          .set({ status: 'expired', endedAt: now })
          .where(
            and(
              eq(subscriptions.provider, 'razorpay'),
              inArray(subscriptions.status, ['active', 'past_due']),
              lt(subscriptions.currentPeriodEnd, now),
            ),
          )
          .returning({ orgId: subscriptions.orgId });
        const changed: string[] = [];
        for (const orgId of [...new Set(ended.map((e) => e.orgId))].sort()) {
          if ((await refreshOrgPlan(tx, orgId)).changed) changed.push(orgId);
        }
        return changed;
      });
      for (const orgId of changedOrgs) await platform.bus.publish(`org:${orgId}`);
      return { expired: changedOrgs.length };
    },
  });
