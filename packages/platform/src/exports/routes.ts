import { chargeUsage, type Platform, recordAudit, serviceContext } from '@assay/core';
import { jobs } from '@assay/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobView, toJobView } from '../jobs/view.ts';

export async function exportRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/exports',
    {
      config: { permission: 'exports.create' },
      schema: {
        tags: ['exports'],
        summary: "Export the organization's data (members, audit log, jobs) as JSON",
        description:
          'Answers 202 with the job. Poll `GET /v1/jobs/{id}`; when completed, `download_url` is a signed link.',
        response: { 202: jobView },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const job = await platform.db.transaction(async (tx) => {
        const job = await platform.jobs.enqueue(tx, {
          orgId: ctx.orgId,
          name: 'core.export',
          payload: { orgId: ctx.orgId, requestedBy: ctx.actor.id },
          createdBy: ctx.actor.id ?? undefined,
        });
        await chargeUsage(tx, { orgId: ctx.orgId, metric: 'exports.created', refType: 'job', refId: job.id });
        await recordAudit(tx, ctx, { action: 'export.create', targetType: 'job', targetId: job.id });
        return job;
      });
      await platform.jobs.dispatch([job.id]);
      const [row] = await platform.db.select().from(jobs).where(eq(jobs.id, job.id));
      return reply.code(202).send(await toJobView(row, platform.storage));
    },
  );
}
