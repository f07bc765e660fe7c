import {
  AppError,
  afterCursor,
  decodeCursor,
  type Platform,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intelReports, intelReviewItems } from '../schema.ts';
import {
  createReportBody,
  createUploadBody,
  idParams,
  itemView,
  listItemsQuery,
  listReportsQuery,
  reportTextView,
  reportView,
  reviewBody,
  reviewResult,
  uploadView,
} from './contracts.ts';
import { deleteReport } from './delete.ts';
import { reviewReport } from './review.ts';
import { confirmUpload, createReport, createUpload, getReport } from './service.ts';
import { toItemView, toReportView } from './view.ts';

export async function reportRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intel'];
  r.post(
    '/intel/reports',
    {
      config: { permission: 'intel.create' },
      schema: {
        tags,
        summary: 'Ingest a pasted report or a report URL (202; extraction runs in the background)',
        description:
          'Poll `GET /v1/intel/reports/{id}` until `status` is `review`, then review the staged items. URLs are fetched without reaching private addresses.',
        body: createReportBody,
        response: { 202: reportView },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(toReportView(await createReport(serviceContext(request, platform.db), platform, request.body))),
  );
  r.post(
    '/intel/reports/uploads',
    {
      config: { permission: 'intel.create' },
      schema: {
        tags,
        summary: 'Start a report upload (PDF, HTML, Markdown, text): returns a presigned PUT',
        description:
          'PUT the file to `upload.url` with `upload.headers`, then `POST /v1/intel/reports/{id}/confirm`.',
        body: createUploadBody,
        response: { 201: uploadView },
      },
    },
    async (request, reply) => {
      const { row, upload } = await createUpload(
        serviceContext(request, platform.db),
        platform,
        request.body,
      );
      return reply.code(201).send({
        report: toReportView(row),
        upload: {
          url: upload.url,
          method: 'PUT' as const,
          headers: upload.headers,
          expires_at: upload.expiresAt.toISOString(),
        },
      });
    },
  );
  r.post(
    '/intel/reports/:id/confirm',
    {
      config: { permission: 'intel.create' },
      schema: {
        tags,
        summary: 'Confirm an upload; extraction runs in the background',
        params: idParams,
        response: { 202: reportView },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          toReportView(
            await confirmUpload(serviceContext(request, platform.db), platform, request.params.id),
          ),
        ),
  );
  r.get(
    '/intel/reports',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'Reports, newest first; `q` searches titles and text (full-text)',
        querystring: listReportsQuery,
        response: { 200: paginated(reportView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelReports;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.status ? eq(t.status, q.status) : undefined,
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.q ? sql`${t.search} @@ websearch_to_tsquery('english', ${q.q})` : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toReportView);
    },
  );
  r.get(
    '/intel/reports/:id',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'A report, its processing state and review counts',
        params: idParams,
        response: { 200: reportView },
      },
    },
    async (request) => toReportView(await getReport(serviceContext(request, platform.db), request.params.id)),
  );
  r.get(
    '/intel/reports/:id/text',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: "The report's text; review items' `occurrences` are offsets into it (for highlighting)",
        params: idParams,
        response: { 200: reportTextView },
      },
    },
    async (request) => {
      const row = await getReport(serviceContext(request, platform.db), request.params.id);
      if (row.body === null) throw new AppError('CONFLICT', 'The report has no text yet');
      return { title: row.title, text: row.body };
    },
  );
  r.get(
    '/intel/reports/:id/items',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags,
        summary: 'The staged extraction of a report, item by item (filter by kind and status)',
        params: idParams,
        querystring: listItemsQuery,
        response: { 200: paginated(itemView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await getReport(ctx, request.params.id);
      const q = request.query;
      const t = intelReviewItems;
      const cursor = decodeCursor(q['page[cursor]']);
      // Items are listed oldest first (the order the engine found them), so the cursor moves forward.
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            eq(t.reportId, request.params.id),
            q.kind ? eq(t.kind, q.kind) : undefined,
            q.status ? eq(t.status, q.status) : undefined,
            cursor ? gt(t.id, cursor.id) : undefined,
          ),
        )
        .orderBy(asc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toItemView);
    },
  );
  r.post(
    '/intel/reports/:id/review',
    {
      config: { permission: 'intel.edit' },
      schema: {
        tags,
        summary: 'Accept, reject or edit staged items; accepted ones merge into the knowledge base',
        description:
          '`decisions` apply first, then `remaining` (accept or reject) to every item still pending. Indicators merge by type and normalised value: the same indicator from two reports is one row with two sightings and two provenance links.',
        params: idParams,
        body: reviewBody,
        response: { 200: reviewResult },
      },
    },
    async (request) => {
      const result = await reviewReport(
        serviceContext(request, platform.db),
        request.params.id,
        request.body,
      );
      return { ...result, report: toReportView(result.report) };
    },
  );
  r.delete(
    '/intel/reports/:id',
    {
      config: { permission: 'intel.delete' },
      schema: {
        tags,
        summary: 'Delete a report; knowledge only it supported goes with it, the rest loses one sighting',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteReport(serviceContext(request, platform.db), platform, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
