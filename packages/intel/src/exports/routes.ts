import { notFound, type Platform, recordAudit, serviceContext } from '@assay/core';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intelIndicators, intelReports } from '../schema.ts';
import { collectExport, EXPORT_FORMATS, exportFilter } from './model.ts';
import { renderExport } from './render.ts';

/** Above this many indicators an export runs as a job and lands in storage. */
export const INLINE_EXPORT_LIMIT = 2000;

const exportBody = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    filter: exportFilter.default({}),
    /** Run as a job even when small enough to answer at once. */
    async: z.boolean().default(false),
  })
  .strict();

export async function exportRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/intel/exports',
    {
      config: { permission: 'intel.view' },
      schema: {
        tags: ['intel'],
        summary:
          'Export indicators, actors, ATT&CK references and relationships as STIX 2.1, CSV, JSON or PDF',
        description: `Small exports answer 200 with the file. Over ${INLINE_EXPORT_LIMIT} indicators (or with \`async: true\`) the answer is 202 with a job: poll \`GET /v1/jobs/{job_id}\`; when completed its \`download_url\` is a signed link.`,
        body: exportBody,
        response: { 202: z.object({ job_id: z.uuid(), status: z.string() }) },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const { format, filter } = request.body;
      if (filter.report_id) {
        const [report] = await ctx.db
          .select({ id: intelReports.id })
          .from(intelReports)
          .where(and(eq(intelReports.orgId, ctx.orgId), eq(intelReports.id, filter.report_id)));
        if (!report) throw notFound('Report');
      }
      const [{ n }] = await ctx.db
        .select({ n: count() })
        .from(intelIndicators)
        .where(eq(intelIndicators.orgId, ctx.orgId));
      if (request.body.async || n > INLINE_EXPORT_LIMIT) {
        const job = await ctx.db.transaction(async (tx) => {
          const job = await platform.jobs.enqueue(tx, {
            orgId: ctx.orgId,
            name: 'intel.export',
            payload: { orgId: ctx.orgId, format, filter },
            createdBy: ctx.actor.id ?? undefined,
          });
          await recordAudit(tx, ctx, {
            action: 'intel.export.create',
            targetType: 'job',
            targetId: job.id,
            after: { format, ...filter },
          });
          return job;
        });
        await platform.jobs.dispatch([job.id]);
        return reply.code(202).send({ job_id: job.id, status: 'queued' });
      }
      const file = await renderExport(await collectExport(ctx.db, ctx.orgId, filter), format);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'intel.export.download',
          targetType: 'intel_export',
          after: { format, ...filter },
        }),
      );
      return reply
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .type(file.contentType)
        .send(file.body as never); // a file, not the 202 body (no 200 schema: sent as is)
    },
  );
}
