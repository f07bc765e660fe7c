import { AppError, conflict, notFound, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import { type Db, jobSchedules, jobs, uuidv7 } from '@assay/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { intelAgentRuns, intelAgents } from '../schema.ts';
import { assertProject } from '../yara/service.ts';
import { AGENT_CONFIG, type AgentKind, type createAgentBody, type updateAgentBody } from './contracts.ts';
import { AGENT_JOB, agentScheduleKey, checkSchedule, syncAgentSchedule } from './schedule.ts';

/** Fills a kind's defaults and refuses unknown or ill-typed settings with the field named. */
export function parseConfig(kind: AgentKind, raw: Record<string, unknown>) {
  const parsed = AGENT_CONFIG[kind].safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_ERROR', `Invalid configuration for a ${kind} agent`, {
      details: parsed.error.issues.map((i) => ({
        field: ['body', 'config', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  return parsed.data as Record<string, unknown>;
}

export async function getAgent(ctx: Pick<ServiceContext, 'db' | 'orgId'>, id: string) {
  const [row] = await ctx.db
    .select({ agent: intelAgents, nextRunAt: jobSchedules.nextRunAt })
    .from(intelAgents)
    .leftJoin(jobSchedules, eq(jobSchedules.key, sqlKey()))
    .where(and(eq(intelAgents.orgId, ctx.orgId), eq(intelAgents.id, id)));
  if (!row) throw notFound('Agent');
  return row;
}

/** `intel.agent:<id>` computed in SQL, to join an agent with its schedule. */
export const sqlKey = () => sql`'intel.agent:' || ${intelAgents.id}::text`;

export async function createAgent(ctx: ServiceContext, input: z.infer<typeof createAgentBody>) {
  const config = parseConfig(input.kind, input.config);
  const timezone = input.timezone ?? 'UTC';
  if (input.schedule) checkSchedule(input.schedule, timezone);
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const [agent] = await tx
      .insert(intelAgents)
      .values({
        id: uuidv7(),
        orgId: ctx.orgId,
        projectId: input.project_id,
        name: input.name,
        kind: input.kind,
        config,
        schedule: input.schedule ?? null,
        timezone,
        enabled: input.enabled ?? true,
        createdBy: ctx.actor.id,
      })
      .returning();
    const next = await syncAgentSchedule(tx, agent!);
    await recordAudit(tx, ctx, {
      action: 'intel.agent.create',
      targetType: 'intel_agent',
      targetId: agent!.id,
      after: { name: input.name, kind: input.kind, schedule: agent!.schedule, config },
    });
    return { agent: agent!, nextRunAt: next };
  });
}

export async function updateAgent(ctx: ServiceContext, id: string, input: z.infer<typeof updateAgentBody>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(intelAgents)
      .where(and(eq(intelAgents.orgId, ctx.orgId), eq(intelAgents.id, id)))
      .for('update');
    if (!before) throw notFound('Agent');
    const config = input.config ? parseConfig(before.kind as AgentKind, input.config) : before.config;
    const [agent] = await tx
      .update(intelAgents)
      .set({
        name: input.name ?? before.name,
        config,
        schedule: input.schedule === undefined ? before.schedule : input.schedule,
        timezone: input.timezone ?? before.timezone,
        enabled: input.enabled ?? before.enabled,
        updatedAt: new Date(),
      })
      .where(eq(intelAgents.id, id))
      .returning();
    const next = await syncAgentSchedule(tx, agent!);
    await recordAudit(tx, ctx, {
      action: 'intel.agent.update',
      targetType: 'intel_agent',
      targetId: id,
      before: {
        name: before.name,
        schedule: before.schedule,
        enabled: before.enabled,
        config: before.config,
      },
      after: { name: agent!.name, schedule: agent!.schedule, enabled: agent!.enabled, config: agent!.config },
    });
    return { agent: agent!, nextRunAt: next };
  });
}

/** Deletes the agent, its schedule and its runs; the artifacts it wrote stay with the project. */
export async function deleteAgent(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(intelAgents)
      .where(and(eq(intelAgents.orgId, ctx.orgId), eq(intelAgents.id, id)))
      .returning();
    if (!row) throw notFound('Agent');
    await tx.delete(jobSchedules).where(eq(jobSchedules.key, agentScheduleKey(id)));
    await recordAudit(tx, ctx, {
      action: 'intel.agent.delete',
      targetType: 'intel_agent',
      targetId: id,
      before: { name: row.name, kind: row.kind },
    });
  });
}

/** Queues a run now (202). One run of an agent at a time: another while one is queued or running is a conflict. */
export async function runAgentNow(ctx: ServiceContext, platform: Platform, id: string) {
  const created = await ctx.db.transaction(async (tx) => {
    const [agent] = await tx
      .select()
      .from(intelAgents)
      .where(and(eq(intelAgents.orgId, ctx.orgId), eq(intelAgents.id, id)))
      .for('update');
    if (!agent) throw notFound('Agent');
    const active = await tx
      .select({ id: intelAgentRuns.id })
      .from(intelAgentRuns)
      .innerJoin(jobs, eq(jobs.id, intelAgentRuns.jobId))
      .where(
        and(
          eq(intelAgentRuns.agentId, id),
          inArray(intelAgentRuns.status, ['queued', 'running']),
          inArray(jobs.status, ['queued', 'running', 'retrying']),
        ),
      );
    if (active.length) throw conflict('This agent is already running; wait for the current run to finish');
    const runId = uuidv7();
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: AGENT_JOB,
      payload: { orgId: ctx.orgId, agentId: id, runId },
      idempotencyKey: `intel.agent.run:${runId}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    const [run] = await tx
      .insert(intelAgentRuns)
      .values({ id: runId, orgId: ctx.orgId, agentId: id, trigger: 'manual', jobId: job.id })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.agent.run',
      targetType: 'intel_agent',
      targetId: id,
      after: { run_id: runId },
    });
    return { run: run!, job };
  });
  await platform.jobs.dispatch([created.job.id]);
  return created;
}

/** Stops a queued or running run: its job is cancelled (a running one sees its signal aborted) and nothing it did commits. */
export async function cancelRun(ctx: ServiceContext, platform: Platform, runId: string) {
  const runOf = async (db: Db, lock: boolean) => {
    const query = db
      .select()
      .from(intelAgentRuns)
      .where(and(eq(intelAgentRuns.orgId, ctx.orgId), eq(intelAgentRuns.id, runId)));
    const [run] = lock ? await query.for('update') : await query;
    if (!run) throw notFound('Run');
    if (run.status === 'completed' || run.status === 'failed')
      throw conflict(`This run has already ${run.status === 'completed' ? 'completed' : 'failed'}`);
    return run;
  };
  // The job first: once it is cancelled its completion can no longer commit. The run is then checked
  // again under a lock, since it may have completed in between.
  await platform.jobs.cancel(ctx.orgId, (await runOf(ctx.db, false)).jobId);
  return ctx.db.transaction(async (tx) => {
    await runOf(tx, true);
    const [updated] = await tx
      .update(intelAgentRuns)
      .set({ status: 'failed', error: 'Cancelled', completedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(intelAgentRuns.orgId, ctx.orgId), eq(intelAgentRuns.id, runId)))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.agent_run.cancel',
      targetType: 'intel_agent_run',
      targetId: runId,
    });
    return updated!;
  });
}
