import { estimateEta } from '@assay/core';
import type { jobs } from '@assay/db';
import type { z } from 'zod';
import type { intelAgentRuns, intelAgents, intelArtifacts } from '../schema.ts';
import type { AgentKind, agentView, artifactView, runView } from './contracts.ts';

type AgentRow = typeof intelAgents.$inferSelect;
type RunRow = typeof intelAgentRuns.$inferSelect;
type JobRow = typeof jobs.$inferSelect;
type ArtifactRow = typeof intelArtifacts.$inferSelect;

export const artifactKey = (orgId: string, artifactId: string, filename: string) =>
  `orgs/${orgId}/intel/artifacts/${artifactId}/${filename}`;

export function toAgentView(a: AgentRow, nextRunAt: Date | null): z.infer<typeof agentView> {
  return {
    id: a.id,
    project_id: a.projectId,
    name: a.name,
    kind: a.kind as AgentKind,
    config: a.config,
    schedule: a.schedule,
    timezone: a.timezone,
    enabled: a.enabled,
    next_run_at: nextRunAt?.toISOString() ?? null,
    last_run_at: a.lastRunAt?.toISOString() ?? null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

/** A run's status follows its job until the run itself records the outcome (a dead job fails the run). */
function runStatus(run: RunRow, job: JobRow | undefined): z.infer<typeof runView>['status'] {
  if (run.status === 'completed' || run.status === 'failed') return run.status;
  if (!job) return run.status as 'queued' | 'running';
  if (['failed', 'dead', 'cancelled'].includes(job.status)) return 'failed';
  return job.status === 'running' ? 'running' : 'queued';
}

export function toRunView(
  run: RunRow,
  job: JobRow | undefined,
  artifactIds: string[],
): z.infer<typeof runView> {
  const status = runStatus(run, job);
  return {
    id: run.id,
    agent_id: run.agentId,
    trigger: run.trigger as 'manual' | 'schedule',
    status,
    progress: status === 'completed' ? 100 : (job?.progress ?? 0),
    eta: job && status === 'running' ? (estimateEta(job)?.toISOString() ?? null) : null,
    job_id: run.jobId,
    method: run.method as 'llm' | 'baseline' | null,
    llm_calls: run.llmCalls,
    input_tokens: run.inputTokens,
    output_tokens: run.outputTokens,
    cost_micros: run.costMicros,
    summary: run.summary ?? null,
    error: run.error ?? (status === 'failed' ? (job?.error ?? 'The run did not finish') : null),
    period_start: run.periodStart?.toISOString() ?? null,
    period_end: run.periodEnd?.toISOString() ?? null,
    artifact_ids: artifactIds,
    created_at: run.createdAt.toISOString(),
    completed_at: run.completedAt?.toISOString() ?? null,
  };
}

export function toArtifactView(a: ArtifactRow): z.infer<typeof artifactView> {
  return {
    id: a.id,
    project_id: a.projectId,
    agent_id: a.agentId,
    run_id: a.runId,
    kind: a.kind,
    title: a.title,
    filename: a.filename,
    content_type: a.contentType,
    size_bytes: a.sizeBytes,
    method: a.method,
    created_at: a.createdAt.toISOString(),
  };
}
