import { type Platform, serviceContext } from '@assay/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportCsv } from './csv.ts';
import type { ReportModel } from './model.ts';
import { reportPdf } from './pdf.ts';
import { createShareLink, listShareLinks, reportForToken, reportModel, revokeShareLink } from './share.ts';

const params = z.object({ id: z.uuid() });
const formatQuery = z.object({ format: z.enum(['json', 'csv', 'pdf']).default('json') });
const shareView = z.object({
  id: z.uuid(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
});

async function sendReport(reply: FastifyReply, model: ReportModel, format: 'json' | 'csv' | 'pdf') {
  const base = `assessment-${model.assessmentId.slice(0, 8)}`;
  if (format === 'json') return model;
  reply.header('Content-Disposition', `attachment; filename="${base}.${format}"`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(model));
  return reply.type('application/pdf').send(await reportPdf(model));
}

export async function reportRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];
  r.get(
    '/assessments/:id/report',
    {
      config: { permission: 'assessments.view' },
      schema: { tags, summary: 'The report as JSON, CSV or PDF', params, querystring: formatQuery },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      return sendReport(reply, await reportModel(ctx.db, ctx.orgId, request.params.id), request.query.format);
    },
  );
  r.get(
    '/assessments/:id/shares',
    {
      config: { permission: 'assessments.view' },
      schema: {
        tags,
        summary: 'Share links of a report (tokens are not shown again)',
        params,
        response: { 200: z.object({ data: z.array(shareView) }) },
      },
    },
    async (request) => ({
      data: await listShareLinks(serviceContext(request, platform.db), request.params.id),
    }),
  );
  r.post(
    '/assessments/:id/shares',
    {
      config: { permission: 'assessments.edit' },
      schema: {
        tags,
        summary: 'Create a read-only link to the report; its URL is in this answer only',
        params,
        body: z.object({ expires_in_days: z.number().int().min(1).max(90).default(14) }).strict(),
        response: { 201: shareView.extend({ token: z.string(), url: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createShareLink(
            serviceContext(request, platform.db),
            request.params.id,
            request.body.expires_in_days,
            platform.config.publicWebUrl,
          ),
        ),
  );
  r.delete(
    '/assessments/:id/shares/:share_id',
    {
      config: { permission: 'assessments.edit' },
      schema: {
        tags,
        summary: 'Revoke a share link at once',
        params: params.extend({ share_id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeShareLink(serviceContext(request, platform.db), request.params.id, request.params.share_id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/public/reports/:token',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A shared report, by its link token (no sign-in)',
        params: z.object({ token: z.string().max(100) }),
        querystring: formatQuery,
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'private, no-store');
      reply.header('X-Robots-Tag', 'noindex');
      return sendReport(reply, await reportForToken(platform.db, request.params.token), request.query.format);
    },
  );
}
