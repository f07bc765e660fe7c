import { defineJob } from '@assay/core';
import { webhookEvents } from '@assay/db';
import { inArray, lt } from 'drizzle-orm';
import { z } from 'zod';

/** Events (with their deliveries and attempt log) are kept this long, then deleted. */
export const EVENT_RETENTION_DAYS = 30;
const BATCH = 1000;

/** Deletes old events in batches so one run never holds a long lock; deliveries and attempts cascade. */
export const purgeEventsJob = () =>
  defineJob({
    name: 'webhooks.purge',
    queue: 'scheduled',
    payload: z.object({}).strict(),
    maxAttempts: 3,
    async handler(_payload, ctx) {
      const before = new Date(Date.now() - EVENT_RETENTION_DAYS * 86_400_000);
      let deleted = 0;
      for (;;) {
        const ids = await ctx.db
          .select({ id: webhookEvents.id })
          .from(webhookEvents)
          .where(lt(webhookEvents.createdAt, before))
          .limit(BATCH);
        if (ids.length === 0) break;
        await ctx.db.delete(webhookEvents).where(
          inArray(
            webhookEvents.id,
            ids.map((r) => r.id),
          ),
        );
        deleted += ids.length;
        if (ids.length < BATCH) break;
      }
      return { deleted };
    },
  });
