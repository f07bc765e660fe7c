import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A YARA rule set uploaded to a project: its source as written and the rules it defines. */
export const intelYaraRuleSets = pgTable(
  'intel_yara_rule_sets',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    sha256: text('sha256').notNull(),
    /** Rule names, tags and modifiers, in source order. */
    rules: jsonb('rules')
      .$type<{ name: string; tags: string[]; private: boolean; global: boolean }[]>()
      .notNull(),
    /** Compiler warnings (the set compiled; these are advice). */
    warnings: jsonb('warnings')
      .$type<{ message: string; line: number | null; column: number | null }[]>()
      .notNull()
      .default([]),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_yara_rule_sets_org_id_idx').on(t.orgId),
    index('intel_yara_rule_sets_created_at_idx').on(t.createdAt),
    uniqueIndex('intel_yara_rule_sets_project_name_key').on(t.orgId, t.projectId, t.name),
  ],
);

export interface YaraScanMatch {
  rule_set_id: string;
  rule_set: string;
  rule: string;
  namespace: string;
  tags: string[];
  meta: Record<string, unknown>;
  strings: { identifier: string; offset: number; length: number }[];
}

/** One uploaded file scanned with a project's rule sets in the worker; the matches are kept. */
export const intelYaraScans = pgTable(
  'intel_yara_scans',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The rule sets asked for; empty means every rule set of the project at scan time. */
    ruleSetIds: jsonb('rule_set_ids').$type<string[]>().notNull().default([]),
    filename: text('filename').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    status: text('status').notNull().default('queued'),
    matches: jsonb('matches').$type<YaraScanMatch[]>(),
    matchCount: integer('match_count'),
    error: text('error'),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    completedAt: tstz('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_yara_scans_org_id_idx').on(t.orgId),
    index('intel_yara_scans_created_at_idx').on(t.createdAt),
    index('intel_yara_scans_org_project_idx').on(t.orgId, t.projectId, t.createdAt),
  ],
);
