import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { jobSchedules, jobs } from '@assay/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intelAgentRuns, intelAgents, intelArtifacts } from '../schema.ts';
import {
  agentView,
  artifactView,
  createAgentBody,
  idParams,
  listAgentsQuery,
  listArtifactsQuery,
  listRunsQuery,
  runView,
  updateAgentBody,
} from './contracts.ts';
import {
  cancelRun,
  createAgent,
  deleteAgent,
  getAgent,
  runAgentNow,
  sqlKey,
  updateAgent,
} from './service.ts';
import { toAgentView, toArtifactView, toRunView } from './view.ts';

const tags = ['intel'];

export async function agentRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Runs with their jobs and artifact ids, for a list or one run. */
  async function runViews(orgId: string, rows: (typeof intelAgentRuns.$inferSelect)[]) {
    if (!rows.length) return [];
    const jobRows = await platform.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.orgId, orgId),
          inArray(
            jobs.id,
            rows.map((x) => x.jobId),
          ),
        ),
      );
    const artifacts = await platform.db
      .select({ id: intelArtifacts.id, runId: intelArtifacts.runId })
      .from(intelArtifacts)
      .where(
        and(
          eq(intelArtifacts.orgId, orgId),
          inArray(
            intelArtifacts.runId,
            rows.map((x) => x.id),
          ),
        ),
      )
      .orderBy(asc(intelArtifacts.filename));
    return rows.map((run) =>
      toRunView(
        run,
        jobRows.find((j) => j.id === run.jobId),
        artifacts.filter((a) => a.runId === run.id).map((a) => a.id),
      ),
    );
  }

  r.post(
    '/intel/agents',
    {
      config: { permission: 'agents.create' },
      schema: {
        tags,
        summary: 'Configure an agent: an AI task of a project, run on demand or on a cron schedule',
        description:
          'Kinds: `weekly_trend_report` (pulls the project feeds, compares the period with the previous one), `summarise_new_reports`, `map_to_attack`. Without an LLM provider each runs its deterministic baseline, labelled `method: "baseline"`.',
        body: createAgentBody,
        response: { 201: agentView },
      },
    },
    async (request, reply) => {
      const { agent, nextRunAt } = await createAgent(serviceContext(request, platform.db), request.body);
      return reply.code(201).send(toAgentView(agent, nextRunAt));
    },
  );
  r.get(
    '/intel/agents',
    {
      config: { permission: 'agents.view' },
      schema: {
        tags,
        summary: 'Agents, newest first',
        querystring: listAgentsQuery,
        response: { 200: paginated(agentView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelAgents;
      const rows = await ctx.db
        .select({ agent: t, nextRunAt: jobSchedules.nextRunAt })
        .from(t)
        .leftJoin(jobSchedules, eq(jobSchedules.key, sqlKey()))
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.kind ? eq(t.kind, q.kind) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(
        rows.map((x) => ({ ...x, id: x.agent.id, createdAt: x.agent.createdAt })),
        q['page[size]'],
        (x) => toAgentView(x.agent, x.nextRunAt),
      );
    },
  );
  r.get(
    '/intel/agents/:id',
    {
      config: { permission: 'agents.view' },
      schema: { tags, summary: 'An agent', params: idParams, response: { 200: agentView } },
    },
    async (request) => {
      const { agent, nextRunAt } = await getAgent(serviceContext(request, platform.db), request.params.id);
      return toAgentView(agent, nextRunAt);
    },
  );
  r.patch(
    '/intel/agents/:id',
    {
      config: { permission: 'agents.edit' },
      schema: {
        tags,
        summary: 'Change an agent (schedule null: runs only when asked)',
        params: idParams,
        body: updateAgentBody,
        response: { 200: agentView },
      },
    },
    async (request) => {
      const { agent, nextRunAt } = await updateAgent(
        serviceContext(request, platform.db),
        request.params.id,
        request.body,
      );
      return toAgentView(agent, nextRunAt);
    },
  );
  r.delete(
    '/intel/agents/:id',
    {
      config: { permission: 'agents.delete' },
      schema: {
        tags,
        summary: 'Delete an agent, its schedule and runs (its artifacts stay)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteAgent(serviceContext(request, platform.db), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/intel/agents/:id/run',
    {
      config: { permission: 'agents.edit' },
      schema: {
        tags,
        summary: 'Run the agent now (202; poll the run for progress)',
        params: idParams,
        response: { 202: runView },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const { run } = await runAgentNow(ctx, platform, request.params.id);
      const [view] = await runViews(ctx.orgId, [run]);
      return reply.code(202).send(view);
    },
  );
  r.get(
    '/intel/agents/:id/runs',
    {
      config: { permission: 'agents.view' },
      schema: {
        tags,
        summary: "An agent's runs, newest first: status, progress, token cost",
        params: idParams,
        querystring: listRunsQuery,
        response: { 200: paginated(runView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await getAgent(ctx, request.params.id);
      const q = request.query;
      const t = intelAgentRuns;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            eq(t.agentId, request.params.id),
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      const page = toPage(rows, q['page[size]'], (x) => x);
      return { data: await runViews(ctx.orgId, page.data), meta: page.meta };
    },
  );
  r.get(
    '/intel/agent-runs/:id',
    {
      config: { permission: 'agents.view' },
      schema: { tags, summary: 'One run', params: idParams, response: { 200: runView } },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const rows = await ctx.db
        .select()
        .from(intelAgentRuns)
        .where(and(eq(intelAgentRuns.orgId, ctx.orgId), eq(intelAgentRuns.id, request.params.id)));
      if (!rows.length) throw notFound('Run');
      return (await runViews(ctx.orgId, rows))[0]!;
    },
  );
  r.post(
    '/intel/agent-runs/:id/cancel',
    {
      config: { permission: 'agents.edit' },
      schema: {
        tags,
        summary: 'Cancel a queued or running run (nothing it did is kept)',
        params: idParams,
        response: { 200: runView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const run = await cancelRun(ctx, platform, request.params.id);
      return (await runViews(ctx.orgId, [run]))[0]!;
    },
  );
  r.get(
    '/intel/artifacts',
    {
      config: { permission: 'agents.view' },
      schema: {
        tags,
        summary: 'Files agents wrote (trend reports, summaries), newest first',
        querystring: listArtifactsQuery,
        response: { 200: paginated(artifactView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const q = request.query;
      const t = intelArtifacts;
      const rows = await ctx.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.orgId, ctx.orgId),
            q.project_id ? eq(t.projectId, q.project_id) : undefined,
            q.agent_id ? eq(t.agentId, q.agent_id) : undefined,
            q.kind ? eq(t.kind, q.kind) : undefined,
            afterCursor(t.createdAt, t.id, decodeCursor(q['page[cursor]'])),
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(q['page[size]'] + 1);
      return toPage(rows, q['page[size]'], toArtifactView);
    },
  );
  async function artifact(orgId: string, id: string) {
    const [row] = await platform.db
      .select()
      .from(intelArtifacts)
      .where(and(eq(intelArtifacts.orgId, orgId), eq(intelArtifacts.id, id)));
    if (!row) throw notFound('Artifact');
    return row;
  }
  r.get(
    '/intel/artifacts/:id',
    {
      config: { permission: 'agents.view' },
      schema: {
        tags,
        summary: 'An artifact, with a signed download link valid 15 minutes',
        params: idParams,
        response: { 200: artifactView.extend({ download_url: z.string() }) },
      },
    },
    async (request) => {
      const row = await artifact(serviceContext(request, platform.db).orgId, request.params.id);
      return {
        ...toArtifactView(row),
        download_url: await platform.storage.presignGet(row.storageKey, { filename: row.filename }),
      };
    },
  );
  r.get(
    '/intel/artifacts/:id/download',
    {
      config: { permission: 'agents.view' },
      schema: { tags, summary: 'The artifact file itself (Markdown or JSON)', params: idParams },
    },
    async (request, reply) => {
      const row = await artifact(serviceContext(request, platform.db).orgId, request.params.id);
      const body = await platform.storage.getBuffer(row.storageKey);
      reply.header('Content-Disposition', `attachment; filename="${row.filename.replace(/[^\w.-]/g, '_')}"`);
      return reply.type(row.contentType).send(body);
    },
  );
}
