import {
  afterCursor,
  decodeCursor,
  type Platform,
  paginated,
  SafeFetchError,
  serviceContext,
  toPage,
  validationError,
} from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPageBody,
  healthReportView,
  listPagesQuery,
  pageView,
  scoreDraftBody,
  updatePageBody,
  urlHealthBody,
  urlHealthView,
} from './contracts.ts';
import { knowledgePages } from './schema.ts';
import {
  createPage,
  deletePage,
  loadPage,
  loadSources,
  publishPage,
  redraftPage,
  scoreEdit,
  siteOf,
  unpublishPage,
  updatePage,
} from './service.ts';
import { scoreUrl } from './url-health.ts';
import { toPageView } from './view.ts';

const params = z.object({ id: z.uuid() });
const tags = ['visibility'];

/** Knowledge pages: drafted from crawled URLs, edited with a live health score, published. */
export async function knowledgePageRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/knowledge-pages',
    {
      config: { permission: 'knowledge_pages.create' },
      schema: {
        tags,
        summary:
          'Create a knowledge page; with `urls` it is crawled and drafted by the worker (202, poll GET)',
        body: createPageBody,
        response: { 201: pageView, 202: pageView },
      },
    },
    async (request, reply) => {
      const { row, site } = await createPage(serviceContext(request, platform.db), platform, request.body);
      return reply
        .code(row.generation === 'queued' ? 202 : 201)
        .send(toPageView(row, site, { withHealth: true }));
    },
  );
  r.get(
    '/knowledge-pages',
    {
      config: { permission: 'knowledge_pages.view' },
      schema: {
        tags,
        summary: 'Knowledge pages, newest first',
        querystring: listPagesQuery,
        response: { 200: paginated(pageView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = knowledgePages;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.status ? eq(t.status, q.status) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      const site = await siteOf(ctx, platform);
      return toPage(rows, q['page[size]'], (row) => toPageView(row, site));
    },
  );
  r.get(
    '/knowledge-pages/:id',
    {
      config: { permission: 'knowledge_pages.view' },
      schema: {
        tags,
        summary: 'A page with its sources and health report',
        params,
        response: { 200: pageView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const row = await loadPage(ctx, request.params.id);
      return toPageView(row, await siteOf(ctx, platform), {
        sources: await loadSources(ctx, row.id),
        withHealth: true,
      });
    },
  );
  r.patch(
    '/knowledge-pages/:id',
    {
      config: { permission: 'knowledge_pages.edit' },
      schema: {
        tags,
        summary:
          'Edit a page (a published page changes live); custom JSON-LD must describe only what the page shows',
        params,
        body: updatePageBody,
        response: { 200: pageView },
      },
    },
    async (request) => {
      const { row, site } = await updatePage(
        serviceContext(request, platform.db),
        platform,
        request.params.id,
        request.body,
      );
      return toPageView(row, site, { withHealth: true });
    },
  );
  r.post(
    '/knowledge-pages/:id/score',
    {
      config: { permission: 'knowledge_pages.view' },
      schema: {
        tags,
        summary: "Health of the page with these unsaved values (the editor's live score); nothing is saved",
        params,
        body: scoreDraftBody,
        response: {
          200: healthReportView.extend({
            json_ld: z.array(z.record(z.string(), z.unknown())),
            json_ld_errors: z.array(z.object({ field: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async (request) =>
      scoreEdit(serviceContext(request, platform.db), platform, request.params.id, request.body),
  );
  for (const [action, run] of [
    ['publish', publishPage],
    ['unpublish', unpublishPage],
  ] as const)
    r.post(
      `/knowledge-pages/:id/${action}`,
      {
        config: { permission: 'knowledge_pages.edit' },
        schema: {
          tags,
          summary:
            action === 'publish'
              ? 'Publish the page on the organization site (DRAFT -> PUBLISHED)'
              : 'Take the page off the site (PUBLISHED -> DRAFT)',
          params,
          response: { 200: pageView },
        },
      },
      async (request) => {
        const { row, site } = await run(serviceContext(request, platform.db), platform, request.params.id);
        return toPageView(row, site, { withHealth: true });
      },
    );
  r.post(
    '/knowledge-pages/:id/redraft',
    {
      config: { permission: 'knowledge_pages.edit' },
      schema: {
        tags,
        summary: 'Crawl the sources again and replace the draft (202; drafts only)',
        params,
        body: z
          .object({ engine: z.enum(['baseline', 'llm']).optional() })
          .strict()
          .optional(),
        response: { 202: pageView },
      },
    },
    async (request, reply) => {
      const { row, site } = await redraftPage(
        serviceContext(request, platform.db),
        platform,
        request.params.id,
        request.body?.engine,
      );
      return reply.code(202).send(toPageView(row, site));
    },
  );
  r.delete(
    '/knowledge-pages/:id',
    {
      config: { permission: 'knowledge_pages.delete' },
      schema: {
        tags,
        summary: 'Delete a page (and take it off the site)',
        params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deletePage(serviceContext(request, platform.db), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/page-health',
    {
      config: { permission: 'knowledge_pages.view' },
      schema: {
        tags,
        summary: 'Fetch a public URL (with its robots.txt, /llms.txt and Markdown twin) and score its health',
        body: urlHealthBody,
        response: { 200: urlHealthView },
      },
    },
    async (request) => {
      try {
        return await scoreUrl(request.body.url, { allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE });
      } catch (error) {
        if (error instanceof SafeFetchError)
          throw validationError(`The URL cannot be checked: ${error.message}`, [
            { field: 'url', message: error.message },
          ]);
        throw error;
      }
    },
  );
}
