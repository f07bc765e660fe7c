import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, projectQuery } from './contracts-setup.ts';
import { createScheduleBody, scheduleView, updateScheduleBody } from './schedule-contracts.ts';
import { createSchedule, deleteSchedule, schedulesWithTiming, updateSchedule } from './schedule-service.ts';
import { visibilityScanSchedules as s } from './schema.ts';

export async function scheduleRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visibility'];
  r.get(
    '/scan-schedules',
    {
      config: { permission: 'scan_schedules.view' },
      schema: {
        tags,
        summary: 'Recurring scans, newest first',
        querystring: projectQuery,
        response: { 200: paginated(scheduleView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const rows = await ctx.db
        .select()
        .from(s)
        .where(
          and(
            eq(s.orgId, ctx.orgId),
            q.project_id ? eq(s.projectId, q.project_id) : undefined,
            afterCursor(s.createdAt, s.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(s.createdAt), desc(s.id))
        .limit(q['page[size]'] + 1);
      const page = toPage(rows, q['page[size]'], (x) => x);
      return { data: await schedulesWithTiming(ctx, page.data), meta: page.meta };
    },
  );
  r.get(
    '/scan-schedules/:id',
    {
      config: { permission: 'scan_schedules.view' },
      schema: {
        tags,
        summary: 'One recurring scan with its next fire time',
        params: idParams,
        response: { 200: scheduleView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const [row] = await ctx.db
        .select()
        .from(s)
        .where(and(eq(s.orgId, ctx.orgId), eq(s.id, request.params.id)));
      if (!row) throw notFound('Scan schedule');
      return (await schedulesWithTiming(ctx, [row]))[0];
    },
  );
  r.post(
    '/scan-schedules',
    {
      config: { permission: 'scan_schedules.create' },
      schema: {
        tags,
        summary: 'Scan a project on a cron schedule with one model set',
        description:
          'Each fire records a scan run (schedule_id set) exactly as POST /v1/scan-runs would; a fire that cannot start (no provider, no prompts, quota) is skipped and logged.',
        body: createScheduleBody,
        response: { 201: scheduleView },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const row = await createSchedule(ctx, platform, request.body);
      return reply.code(201).send((await schedulesWithTiming(ctx, [row]))[0]);
    },
  );
  r.patch(
    '/scan-schedules/:id',
    {
      config: { permission: 'scan_schedules.edit' },
      schema: {
        tags,
        summary: 'Change or pause (enabled: false) a recurring scan',
        params: idParams,
        body: updateScheduleBody,
        response: { 200: scheduleView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const row = await updateSchedule(ctx, platform, request.params.id, request.body);
      return (await schedulesWithTiming(ctx, [row]))[0];
    },
  );
  r.delete(
    '/scan-schedules/:id',
    {
      config: { permission: 'scan_schedules.delete' },
      schema: { tags, summary: 'Delete a recurring scan', params: idParams },
    },
    async (request, reply) => {
      await deleteSchedule(serviceContext(request, platform.db), platform, request.params.id);
      return reply.code(204).send();
    },
  );
}
