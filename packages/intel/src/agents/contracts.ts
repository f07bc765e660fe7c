import { pageQuery } from '@assay/core';
import { z } from 'zod';

export const AGENT_KINDS = ['weekly_trend_report', 'summarise_new_reports', 'map_to_attack'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

/** Per-kind settings; unknown keys are refused so a typo is not silently ignored. */
export const AGENT_CONFIG = {
  weekly_trend_report: z
    .object({
      /** Length of the period compared with the one before it. */
      period_days: z.number().int().min(1).max(90).default(7),
      /** Pull the project's feeds first, and wait for what they bring to be extracted. */
      pull_feeds: z.boolean().default(true),
    })
    .strict(),
  summarise_new_reports: z.object({ max_reports: z.number().int().min(1).max(50).default(10) }).strict(),
  map_to_attack: z.object({ max_reports: z.number().int().min(1).max(50).default(10) }).strict(),
} satisfies Record<AgentKind, z.ZodType>;

export type AgentConfig<K extends AgentKind> = z.infer<(typeof AGENT_CONFIG)[K]>;

const name = z.string().trim().min(1).max(200);
const schedule = z.string().trim().min(1).max(120).nullable();
const timezone = z.string().trim().min(1).max(64);

export const createAgentBody = z
  .object({
    project_id: z.uuid(),
    name,
    kind: z.enum(AGENT_KINDS),
    config: z.record(z.string(), z.unknown()).default({}),
    schedule: schedule.optional(),
    timezone: timezone.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const updateAgentBody = z
  .object({
    name: name.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    schedule: schedule.optional(),
    timezone: timezone.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const agentView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  name: z.string(),
  kind: z.enum(AGENT_KINDS),
  config: z.record(z.string(), z.unknown()),
  schedule: z.string().nullable(),
  timezone: z.string(),
  enabled: z.boolean(),
  next_run_at: z.string().nullable(),
  last_run_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const runView = z.object({
  id: z.uuid(),
  agent_id: z.uuid(),
  trigger: z.enum(['manual', 'schedule']),
  status: z.enum(RUN_STATUSES),
  progress: z.number().int(),
  eta: z.string().nullable(),
  job_id: z.uuid(),
  method: z.enum(['llm', 'baseline']).nullable(),
  llm_calls: z.number().int(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cost_micros: z.number().int().describe('LLM cost of this run in millionths of a US dollar'),
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  artifact_ids: z.array(z.uuid()),
  created_at: z.string(),
  completed_at: z.string().nullable(),
});

export const artifactView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  agent_id: z.uuid().nullable(),
  run_id: z.uuid().nullable(),
  kind: z.string(),
  title: z.string(),
  filename: z.string(),
  content_type: z.string(),
  size_bytes: z.number(),
  method: z.string().nullable(),
  created_at: z.string(),
});

export const listAgentsQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  kind: z.enum(AGENT_KINDS).optional(),
});
export const listRunsQuery = pageQuery;
export const listArtifactsQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  agent_id: z.uuid().optional(),
  kind: z.string().trim().min(1).max(50).optional(),
});
export const idParams = z.object({ id: z.uuid() });
