import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  pageQuery,
  paginated,
  recordAudit,
  serviceContext,
  toPage,
} from '@assay/core';
import { jobs } from '@assay/db';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobView, toJobView } from './view.ts';

const listQuery = pageQuery.extend({
  status: z.enum(['queued', 'running', 'retrying', 'completed', 'failed', 'dead', 'cancelled']).optional(),
  name: z.string().max(80).optional(),
});
const params = z.object({ id: z.uuid() });

export async function jobRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  const load = async (orgId: string, id: string) => {
    const [row] = await platform.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)));
    if (!row) throw notFound('Job');
    return row;
  };

  r.get(
    '/jobs',
    {
      config: { permission: 'jobs.view' },
      schema: {
        tags,
        summary: 'Background jobs of the organization, newest first',
        querystring: listQuery,
        response: { 200: paginated(jobView) },
      },
    },
    async (request) => {
      const { orgId } = serviceContext(request, platform.db);
      const q = request.query;
      const cursor = decodeCursor(q['page[cursor]']);
      const rows = await platform.db
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.orgId, orgId),
            q.status ? eq(jobs.status, q.status) : undefined,
            q.name ? eq(jobs.name, q.name) : undefined,
            afterCursor(jobs.createdAt, jobs.id, cursor),
          ),
        )
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(q['page[size]'] + 1);
      const page = toPage(rows, q['page[size]'], (row) => row);
      return {
        data: await Promise.all(page.data.map((row) => toJobView(row, platform.storage))),
        meta: page.meta,
      };
    },
  );
  r.get(
    '/jobs/:id',
    {
      config: { permission: 'jobs.view' },
      schema: { tags, summary: 'A job: status, progress, ETA, result', params, response: { 200: jobView } },
    },
    async (request) =>
      toJobView(await load(serviceContext(request, platform.db).orgId, request.params.id), platform.storage),
  );
  r.post(
    '/jobs/:id/cancel',
    {
      config: { permission: 'jobs.manage' },
      schema: { tags, summary: 'Cancel a queued or running job', params, response: { 200: jobView } },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await load(ctx.orgId, request.params.id);
      await platform.jobs.cancel(ctx.orgId, request.params.id);
      await recordJobAction(platform, request, 'job.cancel');
      return toJobView(await load(ctx.orgId, request.params.id), platform.storage);
    },
  );
  r.post(
    '/jobs/:id/retry',
    {
      config: { permission: 'jobs.manage' },
      schema: {
        tags,
        summary: 'Run a dead, failed or cancelled job again',
        params,
        response: { 202: jobView },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      await load(ctx.orgId, request.params.id);
      await platform.jobs.retry(ctx.orgId, request.params.id);
      await recordJobAction(platform, request, 'job.retry');
      return reply
        .code(202)
        .send(await toJobView(await load(ctx.orgId, request.params.id), platform.storage));
    },
  );
}

function recordJobAction(platform: Platform, request: Parameters<typeof serviceContext>[0], action: string) {
  const ctx = serviceContext(request, platform.db);
  return recordAudit(platform.db, ctx, {
    action,
    targetType: 'job',
    targetId: (request.params as { id: string }).id,
  });
}
