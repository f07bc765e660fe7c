import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A configured AI task of a project (seed 000 `agents`), run on demand or on its cron schedule. */
export const intelAgents = pgTable(
  'intel_agents',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Cron expression (five fields, or six with seconds); null runs only when asked. */
    schedule: text('schedule'),
    timezone: text('timezone').notNull().default('UTC'),
    enabled: boolean('enabled').notNull().default(true),
    lastRunAt: tstz('last_run_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_agents_org_id_idx').on(t.orgId),
    index('intel_agents_created_at_idx').on(t.createdAt),
    index('intel_agents_org_project_idx').on(t.orgId, t.projectId),
  ],
);

/** One run of an agent: its job, what it cost in LLM tokens, and what it produced. */
export const intelAgentRuns = pgTable(
  'intel_agent_runs',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => intelAgents.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull(),
    status: text('status').notNull().default('queued'),
    jobId: uuid('job_id').notNull(),
    /** `llm` when a model wrote (part of) the output, `baseline` when computed without one. */
    method: text('method'),
    llmCalls: integer('llm_calls').notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    error: text('error'),
    periodStart: tstz('period_start'),
    periodEnd: tstz('period_end'),
    completedAt: tstz('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_agent_runs_org_id_idx').on(t.orgId),
    index('intel_agent_runs_created_at_idx').on(t.createdAt),
    index('intel_agent_runs_agent_idx').on(t.agentId, t.createdAt),
    uniqueIndex('intel_agent_runs_job_key').on(t.jobId),
  ],
);

/** A file an agent run wrote (a trend report, summaries): the bytes in storage, this row to find them. */
export const intelArtifacts = pgTable(
  'intel_artifacts',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => intelAgents.id, { onDelete: 'set null' }),
    runId: uuid('run_id').references(() => intelAgentRuns.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    storageKey: text('storage_key').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    method: text('method'),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_artifacts_org_id_idx').on(t.orgId),
    index('intel_artifacts_created_at_idx').on(t.createdAt),
    index('intel_artifacts_org_project_idx').on(t.orgId, t.projectId, t.createdAt),
  ],
);
