import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { organizations } from './identity.ts';

/**
 * One row per LLM call made through the shared AI client, failed calls included. Append-only and
 * without a foreign key, like the audit log: spend history outlives the rows it was spent on.
 */
export const llmUsage = pgTable(
  'llm_usage',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    jobId: uuid('job_id'),
    module: text('module').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    /** USD millionths, so sums stay exact integers. */
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    durationMs: integer('duration_ms').notNull(),
    /** HTTP requests sent for this call: retries and the structured-output repair included. */
    attempts: integer('attempts').notNull().default(1),
    outcome: text('outcome').$type<'ok' | 'error'>().notNull(),
    errorCode: text('error_code'),
    createdAt: createdAt(),
  },
  (t) => [
    index('llm_usage_org_id_idx').on(t.orgId),
    index('llm_usage_created_at_idx').on(t.createdAt),
    index('llm_usage_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** Which engine a module uses for an organization: the LLM, or its deterministic offline baseline. */
export type AiEngine = 'llm' | 'baseline';

/** Per-organization AI choices; an organization without a row uses the deployment's defaults. */
export const aiSettings = pgTable(
  'ai_settings',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Both set or both null (the deployment default); together they make the `provider:model` address. */
    provider: text('provider'),
    model: text('model'),
    engines: jsonb('engines').$type<Record<string, AiEngine>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ai_settings_org_id_key').on(t.orgId),
    index('ai_settings_created_at_idx').on(t.createdAt),
    check('ai_settings_model_pair', sql`(${t.provider} is null) = (${t.model} is null)`),
  ],
);
