// Tables of the scan side: brands, prompts, model sets, schedules, runs, answers, mentions, citations.
import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A brand to look for in answers: the project's own (`owned`) or a competitor. */
export const visibilityBrands = pgTable(
  'visibility_brands',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    products: jsonb('products').$type<string[]>().notNull().default([]),
    domains: jsonb('domains').$type<string[]>().notNull().default([]),
    owned: boolean('owned').notNull().default(false),
    /** Forces the strict rules for names that are ordinary words; null lets the engine decide. */
    ambiguous: boolean('ambiguous'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visibility_brands_org_id_idx').on(t.orgId),
    index('visibility_brands_created_at_idx').on(t.createdAt),
    index('visibility_brands_project_idx').on(t.projectId),
  ],
);

/** A question the brand's customers ask; scans send it to every model of a model set. */
export const visibilityPrompts = pgTable(
  'visibility_prompts',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    topic: text('topic'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    language: text('language'),
    country: text('country'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visibility_prompts_org_id_idx').on(t.orgId),
    index('visibility_prompts_created_at_idx').on(t.createdAt),
    index('visibility_prompts_project_idx').on(t.projectId),
  ],
);

/** Which models a scan asks (`provider:model` addresses), how many times each, with or without web search. */
export const visibilityModelSets = pgTable(
  'visibility_model_sets',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    models: jsonb('models').$type<string[]>().notNull(),
    samplesPerPrompt: integer('samples_per_prompt').notNull().default(1),
    webSearch: boolean('web_search').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visibility_model_sets_org_id_idx').on(t.orgId),
    index('visibility_model_sets_created_at_idx').on(t.createdAt),
    index('visibility_model_sets_project_idx').on(t.projectId),
  ],
);

/** A recurring scan of a project with one model set; fired by a core job schedule keyed by this id. */
export const visibilityScanSchedules = pgTable(
  'visibility_scan_schedules',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    modelSetId: uuid('model_set_id')
      .notNull()
      .references(() => visibilityModelSets.id, { onDelete: 'cascade' }),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    enabled: boolean('enabled').notNull().default(true),
    lastRunId: uuid('last_run_id'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visibility_scan_schedules_org_id_idx').on(t.orgId),
    index('visibility_scan_schedules_created_at_idx').on(t.createdAt),
  ],
);

export interface ScanFailure {
  prompt_id: string;
  model: string;
  sample: number;
  code: string;
  reason: string;
}

/** What a run asked, frozen when it was created: figures are read against it. */
export interface ScanMethodology {
  model_set_id: string;
  model_set_name: string;
  models: string[];
  samples_per_prompt: number;
  web_search: boolean;
  prompts: { id: string; text: string; topic: string | null }[];
  brands: { id: string; name: string; owned: boolean }[];
  concurrency_per_provider: number;
  sentiment_method: string;
  /** The model scoring sentiment when `sentiment_method` is `llm`. */
  sentiment_model?: string | null;
}

/** One scan: every prompt x model x sample. QUEUED -> RUNNING -> DONE | PARTIAL | FAILED | CANCELLED. */
export const visibilityScanRuns = pgTable(
  'visibility_scan_runs',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    modelSetId: uuid('model_set_id').references(() => visibilityModelSets.id, { onDelete: 'set null' }),
    scheduleId: uuid('schedule_id'),
    status: text('status').notNull().default('QUEUED'),
    totalCalls: integer('total_calls').notNull(),
    completedCalls: integer('completed_calls').notNull().default(0),
    failedCalls: integer('failed_calls').notNull().default(0),
    failures: jsonb('failures').$type<ScanFailure[]>().notNull().default([]),
    methodology: jsonb('methodology').$type<ScanMethodology>().notNull(),
    error: text('error'),
    jobId: uuid('job_id'),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    createdBy: text('created_by'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visibility_scan_runs_org_id_idx').on(t.orgId),
    index('visibility_scan_runs_created_at_idx').on(t.createdAt),
    index('visibility_scan_runs_org_project_idx').on(t.orgId, t.projectId, t.createdAt),
  ],
);

/** One answer of one model to one prompt, stored whole, with its extraction. Imported answers have no run. */
export const visibilityAnswers = pgTable(
  'visibility_answers',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => visibilityScanRuns.id, { onDelete: 'cascade' }),
    promptId: uuid('prompt_id').references(() => visibilityPrompts.id, { onDelete: 'set null' }),
    promptText: text('prompt_text').notNull(),
    topic: text('topic'),
    model: text('model').notNull(),
    sample: integer('sample').notNull().default(1),
    text: text('text').notNull(),
    sampledAt: tstz('sampled_at').notNull(),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    costMicros: bigint('cost_micros', { mode: 'number' }),
    latencyMs: integer('latency_ms'),
    webSearch: boolean('web_search').notNull().default(false),
    /** Sources the provider returned with the answer (web-search annotations), as given. */
    providerCitations: jsonb('provider_citations')
      .$type<{ url: string; title: string | null }[]>()
      .notNull()
      .default([]),
    imported: boolean('imported').notNull().default(false),
    importLabel: text('import_label'),
    /** The whole AnswerExtraction of the engine, from which the metrics are computed. */
    extraction: jsonb('extraction').notNull(),
    sentimentMethod: text('sentiment_method').notNull(),
    negative: boolean('negative').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('visibility_answers_org_id_idx').on(t.orgId),
    index('visibility_answers_created_at_idx').on(t.createdAt),
    index('visibility_answers_org_project_sampled_idx').on(t.orgId, t.projectId, t.sampledAt),
    uniqueIndex('visibility_answers_run_call_key').on(t.runId, t.promptId, t.model, t.sample),
  ],
);

/** A tracked brand named in an answer: how often, where, at what rank and in what tone. */
export const visibilityMentions = pgTable(
  'visibility_mentions',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => visibilityAnswers.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => visibilityBrands.id, { onDelete: 'cascade' }),
    count: integer('count').notNull(),
    spans: jsonb('spans').$type<[number, number][]>().notNull(),
    rank: integer('rank'),
    rankMethod: text('rank_method'),
    rankConfidence: real('rank_confidence'),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label'),
    sentimentMethod: text('sentiment_method'),
    createdAt: createdAt(),
  },
  (t) => [
    index('visibility_mentions_org_id_idx').on(t.orgId),
    index('visibility_mentions_created_at_idx').on(t.createdAt),
    index('visibility_mentions_answer_idx').on(t.answerId),
    index('visibility_mentions_brand_idx').on(t.brandId, t.sentimentLabel),
  ],
);

/** A URL an answer cites (provider annotation, Markdown link or bare URL), classed by its domain. */
export const visibilityCitations = pgTable(
  'visibility_citations',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => visibilityAnswers.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    domain: text('domain').notNull(),
    title: text('title'),
    class: text('class').notNull(),
    brandId: uuid('brand_id'),
    sources: jsonb('sources').$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('visibility_citations_org_id_idx').on(t.orgId),
    index('visibility_citations_created_at_idx').on(t.createdAt),
    index('visibility_citations_answer_idx').on(t.answerId),
  ],
);
