import {
  afterCursor,
  decodeCursor,
  type Platform,
  paginated,
  recordAudit,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intelFeedItems, intelFeeds } from '../schema.ts';
import {
  createFeedBody,
  feedItemView,
  feedView,
  idParams,
  listFeedsQuery,
  updateFeedBody,
} from './contracts.ts';
import { createFeed, deleteFeed, getFeed, updateFeed } from './service.ts';

const tags = ['intel'];
type FeedRow = typeof intelFeeds.$inferSelect;

const toFeedView = (f: FeedRow): z.infer<typeof feedView> => ({
  id: f.id,
  project_id: f.projectId,
  name: f.name,
  url: f.url,
  enabled: f.enabled,
  kind: f.kind as z.infer<typeof feedView>['kind'],
  last_fetched_at: f.lastFetchedAt?.toISOString() ?? null,
  last_status: f.lastStatus as z.infer<typeof feedView>['last_status'],
  last_error: f.lastError,
  items_ingested: f.itemsIngested,
  created_at: f.createdAt.toISOString(),
  updated_at: f.updatedAt.toISOString(),
});

export async function feedRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/intel/feeds',
    {
      config: { permission: 'feeds.create' },
      schema: {
        tags,
        summary: 'Follow an RSS/Atom feed or a STIX bundle URL in a project',
        description:
          "Pulled by the project's `weekly_trend_report` agent on its schedule, or now with `POST /v1/intel/feeds/{id}/fetch`; new items become reports.",
        body: createFeedBody,
        response: { 201: feedView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(toFeedView(await createFeed(serviceContext(request, platform.db), platform, request.body))),
  );
  r.get(
    '/intel/feeds',
    {
      config: { permission: 'feeds.view' },
      schema: {
        tags,
        summary: 'Feeds, newest first',
        querystring: listFeedsQuery,
        response: { 200: paginated(feedView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelFeeds;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toFeedView);
    },
  );
  r.get(
    '/intel/feeds/:id',
    {
      config: { permission: 'feeds.view' },
      schema: { tags, summary: 'A feed and its last fetch', params: idParams, response: { 200: feedView } },
    },
    async (request) => toFeedView(await getFeed(serviceContext(request, platform.db), request.params.id)),
  );
  r.patch(
    '/intel/feeds/:id',
    {
      config: { permission: 'feeds.edit' },
      schema: {
        tags,
        summary: 'Rename, repoint, pause or resume a feed',
        params: idParams,
        body: updateFeedBody,
        response: { 200: feedView },
      },
    },
    async (request) =>
      toFeedView(
        await updateFeed(serviceContext(request, platform.db), platform, request.params.id, request.body),
      ),
  );
  r.delete(
    '/intel/feeds/:id',
    {
      config: { permission: 'feeds.delete' },
      schema: {
        tags,
        summary: 'Stop following a feed (its reports stay)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteFeed(serviceContext(request, platform.db), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/intel/feeds/:id/fetch',
    {
      config: { permission: 'feeds.edit' },
      schema: {
        tags,
        summary: 'Pull the feed now (202 with the job id)',
        params: idParams,
        response: { 202: z.object({ job_id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const feed = await getFeed(ctx, request.params.id);
      const jobId = await ctx.db.transaction(async (tx) => {
        const job = await platform.jobs.enqueue(tx, {
          orgId: ctx.orgId,
          name: 'intel.feed.pull',
          payload: { orgId: ctx.orgId, feedId: feed.id },
          createdBy: ctx.actor.id ?? undefined,
        });
        await recordAudit(tx, ctx, {
          action: 'intel.feed.fetch',
          targetType: 'intel_feed',
          targetId: feed.id,
        });
        return job.id;
      });
      await platform.jobs.dispatch([jobId]);
      return reply.code(202).send({ job_id: jobId });
    },
  );
  r.get(
    '/intel/feeds/:id/items',
    {
      config: { permission: 'feeds.view' },
      schema: {
        tags,
        summary: 'Items ingested from the feed, newest first, with their reports',
        params: idParams,
        querystring: listFeedsQuery.omit({ project_id: true }),
        response: { 200: paginated(feedItemView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await getFeed(ctx, request.params.id);
      const q = request.query;
      const t = intelFeedItems;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            eq(t.feedId, request.params.id),
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], (i) => ({
        id: i.id,
        key: i.key,
        title: i.title,
        link: i.link,
        published_at: i.publishedAt?.toISOString() ?? null,
        report_id: i.reportId,
        created_at: i.createdAt.toISOString(),
      }));
    },
  );
}
