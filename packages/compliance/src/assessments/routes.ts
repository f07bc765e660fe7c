import { afterCursor, decodeCursor, type Platform, paginated, serviceContext, toPage } from '@assay/core';
import { jobs } from '@assay/db';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complianceAssessments } from '../schema.ts';
import { assessmentView, createAssessmentBody, findingsQuery, listAssessmentsQuery } from './contracts.ts';
import { createAssessment, loadAssessment, rerunAssessment } from './service.ts';
import { toAssessmentView } from './view.ts';

const params = z.object({ id: z.uuid() });

export async function assessmentRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];
  r.post(
    '/assessments',
    {
      config: { permission: 'assessments.create' },
      schema: {
        tags,
        summary: 'Assess a document against frameworks (202; poll GET /v1/assessments/{id})',
        body: createAssessmentBody,
        response: { 202: assessmentView },
      },
    },
    async (request, reply) => {
      const { row, job } = await createAssessment(
        serviceContext(request, platform.db),
        platform,
        request.body,
      );
      return reply.code(202).send(toAssessmentView(row, job));
    },
  );
  r.get(
    '/assessments',
    {
      config: { permission: 'assessments.view' },
      schema: {
        tags,
        summary: 'Assessments, newest first (without findings)',
        querystring: listAssessmentsQuery,
        response: { 200: paginated(assessmentView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const cursor = decodeCursor(q['page[cursor]']);
      const t = complianceAssessments;
      const rows = await ctx.db
        .select({ a: t, job: jobs })
        .from(t)
        .leftJoin(jobs, eq(jobs.id, t.jobId))
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.document_id ? eq(t.documentId, q.document_id) : undefined,
            afterCursor(t.createdAt, t.id, cursor),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      const page = toPage(
        rows.map((x) => ({ ...x, id: x.a.id, createdAt: x.a.createdAt })),
        q['page[size]'],
        (x) => toAssessmentView(x.a, x.job ?? undefined),
      );
      return page;
    },
  );
  r.get(
    '/assessments/:id',
    {
      config: { permission: 'assessments.view' },
      schema: {
        tags,
        summary: 'Status, progress and ETA; findings when completed (filterable)',
        params,
        querystring: findingsQuery,
        response: { 200: assessmentView },
      },
    },
    async (request) => {
      const { row, job } = await loadAssessment(serviceContext(request, platform.db), request.params.id);
      const q = request.query;
      const findings = (
        (row.findings ?? []) as { framework: string; status: string; severity: string }[]
      ).filter(
        (f) =>
          (!q.framework || f.framework === q.framework) &&
          (!q.status || f.status === q.status) &&
          (!q.severity || f.severity === q.severity),
      );
      return toAssessmentView(row, job, { findings: row.status === 'completed' ? findings : undefined });
    },
  );
  r.post(
    '/assessments/:id/rerun',
    {
      config: { permission: 'assessments.edit' },
      schema: {
        tags,
        summary: 'Run the assessment again on the same record',
        params,
        response: { 202: assessmentView },
      },
    },
    async (request, reply) => {
      const { row, job } = await rerunAssessment(
        serviceContext(request, platform.db),
        platform,
        request.params.id,
      );
      return reply.code(202).send(toAssessmentView(row, job));
    },
  );
}
