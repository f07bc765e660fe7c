import { defineJob, engineForModule, getAiSettings, llmBudgetLeft, type Platform } from '@assay/core';
import { jobSchedules, llmUsage, uuidv7 } from '@assay/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv5 } from '../knowledge/ids.ts';
import { intelAgentRuns, intelAgents, intelArtifacts } from '../schema.ts';
import type { AgentKind } from './contracts.ts';
import { mapToAttack } from './kinds/map-attack.ts';
import { summariseNewReports } from './kinds/summarise.ts';
import { weeklyTrendReport } from './kinds/trend-report.ts';
import type { AgentKindRunner } from './kinds/types.ts';
import { AGENT_JOB, agentScheduleKey } from './schedule.ts';
import { parseConfig } from './service.ts';
import { artifactKey } from './view.ts';

const KINDS: Record<AgentKind, AgentKindRunner> = {
  weekly_trend_report: weeklyTrendReport,
  summarise_new_reports: summariseNewReports,
  map_to_attack: mapToAttack,
};

/**
 * Runs one agent on the long-running queue: a manual run arrives with its run row, a scheduled one
 * creates it (keyed by the job, so a redelivery finds the same row). The kind does the work; the
 * artifacts' bytes go to storage under keys fixed by the run (a retry overwrites), and the rows, the
 * run's outcome and its LLM cost (the job's `llm_usage` rows) commit with the job's completion.
 */
export const agentRunJob = (platform: Platform) =>
  defineJob({
    name: AGENT_JOB,
    queue: 'long-running',
    payload: z.object({ orgId: z.uuid(), agentId: z.uuid(), runId: z.uuid().optional() }).strict(),
    maxAttempts: 2,
    async handler(payload, ctx) {
      const [agent] = await ctx.db
        .select()
        .from(intelAgents)
        .where(and(eq(intelAgents.orgId, payload.orgId), eq(intelAgents.id, payload.agentId)));
      if (!agent) {
        // Deleted with its project (a cascade the schedule row does not follow): stop firing.
        await ctx.db
          .delete(jobSchedules)
          .where(
            and(
              eq(jobSchedules.orgId, payload.orgId),
              eq(jobSchedules.key, agentScheduleKey(payload.agentId)),
            ),
          );
        return { skipped: 'agent deleted' };
      }
      if (!payload.runId)
        await ctx.db
          .insert(intelAgentRuns)
          .values({
            id: uuidv7(),
            orgId: agent.orgId,
            agentId: agent.id,
            trigger: 'schedule',
            jobId: ctx.jobId,
          })
          .onConflictDoNothing({ target: intelAgentRuns.jobId });
      const [run] = await ctx.db
        .select()
        .from(intelAgentRuns)
        .where(
          and(
            eq(intelAgentRuns.orgId, payload.orgId),
            eq(intelAgentRuns.agentId, agent.id),
            payload.runId ? eq(intelAgentRuns.id, payload.runId) : eq(intelAgentRuns.jobId, ctx.jobId),
          ),
        );
      if (!run) return { skipped: 'run deleted' };
      const runWhere = eq(intelAgentRuns.id, run.id);
      // Only a queued run (or a retried running one) starts: a run cancelled meanwhile stays cancelled.
      const [started] = await ctx.db
        .update(intelAgentRuns)
        .set({ status: 'running', updatedAt: new Date() })
        .where(and(runWhere, inArray(intelAgentRuns.status, ['queued', 'running'])))
        .returning({ id: intelAgentRuns.id });
      if (!started) return { skipped: `run already ${run.status}` };

      const [last] = await ctx.db
        .select({ at: intelAgentRuns.createdAt })
        .from(intelAgentRuns)
        .where(and(eq(intelAgentRuns.agentId, agent.id), eq(intelAgentRuns.status, 'completed')))
        .orderBy(desc(intelAgentRuns.createdAt))
        .limit(1);
      const settings = await getAiSettings(ctx.db, agent.orgId);
      const model = settings.model ?? undefined;
      const useLlm =
        engineForModule(settings, 'intel', platform.ai.available(model)) === 'llm' &&
        (await llmBudgetLeft(ctx.db, agent.orgId));
      const output = await KINDS[agent.kind as AgentKind]({
        platform,
        job: ctx,
        agent,
        config: parseConfig(agent.kind as AgentKind, agent.config),
        lastCompletedAt: last?.at ?? null,
        llm: useLlm ? { ai: platform.ai, model } : null,
      });
      await ctx.progress(95);

      const artifacts: (typeof intelArtifacts.$inferInsert & { id: string })[] = [];
      for (const a of output.artifacts) {
        const id = uuidv5(`${run.id}\u0000${a.filename}`);
        const key = artifactKey(agent.orgId, id, a.filename);
        const stored = await platform.storage.put(key, a.body, { contentType: a.contentType });
        artifacts.push({
          id,
          orgId: agent.orgId,
          projectId: agent.projectId,
          agentId: agent.id,
          runId: run.id,
          kind: a.kind,
          title: a.title,
          filename: a.filename,
          contentType: a.contentType,
          storageKey: key,
          sizeBytes: stored.size,
          method: output.method,
        });
      }
      return ctx.complete(async (tx) => {
        const [usage] = await tx
          .select({
            calls: sql<number>`count(*)::int`.mapWith(Number),
            input: sql<number>`coalesce(sum(${llmUsage.inputTokens}), 0)::bigint`.mapWith(Number),
            output: sql<number>`coalesce(sum(${llmUsage.outputTokens}), 0)::bigint`.mapWith(Number),
            cost: sql<number>`coalesce(sum(${llmUsage.costMicros}), 0)::bigint`.mapWith(Number),
          })
          .from(llmUsage)
          .where(and(eq(llmUsage.orgId, agent.orgId), eq(llmUsage.jobId, ctx.jobId)));
        if (artifacts.length) await tx.insert(intelArtifacts).values(artifacts).onConflictDoNothing();
        const now = new Date();
        await tx
          .update(intelAgentRuns)
          .set({
            status: 'completed',
            method: output.method,
            summary: output.summary,
            llmCalls: usage?.calls ?? 0,
            inputTokens: usage?.input ?? 0,
            outputTokens: usage?.output ?? 0,
            costMicros: usage?.cost ?? 0,
            periodStart: output.periodStart ?? null,
            periodEnd: output.periodEnd ?? null,
            error: null,
            completedAt: now,
            updatedAt: now,
          })
          .where(runWhere);
        await tx
          .update(intelAgents)
          .set({ lastRunAt: now })
          .where(and(eq(intelAgents.orgId, agent.orgId), eq(intelAgents.id, agent.id)));
        return {
          run_id: run.id,
          method: output.method,
          artifacts: artifacts.map((a) => a.id),
          ...output.summary,
        };
      });
    },
  });
