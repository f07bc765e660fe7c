import { afterCursor, decodeCursor, type Platform, paginated, serviceContext, toPage } from '@assay/core';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createScanRunBody, listRunsQuery, scanRunView } from './contracts-runs.ts';
import { idParams } from './contracts-setup.ts';
import { cancelScanRun, createScanRun, loadRun } from './run-service.ts';
import { visibilityScanRuns } from './schema.ts';
import { runToView } from './views.ts';

export async function runRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visibility'];
  r.post(
    '/scan-runs',
    {
      config: { permission: 'scan_runs.create' },
      schema: {
        tags,
        summary: 'Start a scan: every prompt x model x sample (202; poll GET /v1/scan-runs/{id})',
        description:
          "Records the run QUEUED with its methodology and enqueues it. The worker sends the calls with at most `methodology.concurrency_per_provider` in flight per provider and the AI layer's retries; the run goes RUNNING with progress, then DONE, PARTIAL (some calls failed: `failures` lists each with its reason), FAILED (none answered) or CANCELLED. Without an LLM provider the answer is 503 SERVICE_UNAVAILABLE explaining how to configure one.",
        body: createScanRunBody,
        response: { 202: scanRunView },
      },
    },
    async (request, reply) => {
      const row = await createScanRun(serviceContext(request, platform.db), platform, request.body);
      return reply.code(202).send(runToView(row));
    },
  );
  r.get(
    '/scan-runs',
    {
      config: { permission: 'scan_runs.view' },
      schema: {
        tags,
        summary: 'Scan runs, newest first',
        querystring: listRunsQuery,
        response: { 200: paginated(scanRunView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = visibilityScanRuns;
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
      return toPage(rows, q['page[size]'], runToView);
    },
  );
  r.get(
    '/scan-runs/:id',
    {
      config: { permission: 'scan_runs.view' },
      schema: {
        tags,
        summary: 'A run: status, progress, failures with reasons, methodology',
        params: idParams,
        response: { 200: scanRunView },
      },
    },
    async (request) => runToView(await loadRun(serviceContext(request, platform.db), request.params.id)),
  );
  r.post(
    '/scan-runs/:id/cancel',
    {
      config: { permission: 'scan_runs.edit' },
      schema: {
        tags,
        summary: 'Cancel a queued or running scan (answers already received stay); 409 once finished',
        params: idParams,
        response: { 200: scanRunView },
      },
    },
    async (request) =>
      runToView(await cancelScanRun(serviceContext(request, platform.db), platform, request.params.id)),
  );
}
