import { defineJob, type Platform } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { intelFeeds } from '../schema.ts';
import { pullFeed } from './pull.ts';

/** "Fetch now" for one feed; scheduled pulls happen in the project's trend agent. */
export const feedPullJob = (platform: Platform) =>
  defineJob({
    name: 'intel.feed.pull',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), feedId: z.uuid() }).strict(),
    maxAttempts: 2,
    async handler(payload, ctx) {
      const [feed] = await ctx.db
        .select()
        .from(intelFeeds)
        .where(and(eq(intelFeeds.orgId, payload.orgId), eq(intelFeeds.id, payload.feedId)));
      if (!feed) return { skipped: 'feed deleted' };
      const result = await pullFeed(platform, feed, async () => ctx.signal.aborted);
      return { new_items: result.newItems, report_ids: result.reportIds, error: result.error };
    },
  });
