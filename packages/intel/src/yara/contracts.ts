import { pageQuery } from '@assay/core';
import { z } from 'zod';
import { MAX_RULES_BYTES } from './rules.ts';

export const SCAN_STATUSES = ['queued', 'completed', 'failed'] as const;
/** Files larger than this are refused before they reach storage (the route's body limit). */
export const MAX_SCAN_BYTES = 16 * 1024 * 1024;

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000);

export const createRuleSetBody = z
  .object({
    project_id: z.uuid(),
    name,
    description: description.optional(),
    source: z.string().min(1).max(MAX_RULES_BYTES),
  })
  .strict();

/** `POST /intel/yara/rule-sets/file`: the body is the rule file itself (`text/plain`). */
export const uploadRuleSetQuery = z
  .object({
    project_id: z.uuid(),
    name: name.optional(),
    filename: z.string().trim().min(1).max(255).optional(),
  })
  .strict();

export const updateRuleSetBody = z
  .object({
    name: name.optional(),
    description: description.optional(),
    source: z.string().min(1).max(MAX_RULES_BYTES).optional(),
  })
  .strict();

const problemView = z.object({
  message: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
});

export const ruleSetView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  name: z.string(),
  description: z.string(),
  sha256: z.string(),
  rule_count: z.number().int(),
  rules: z.array(
    z.object({ name: z.string(), tags: z.array(z.string()), private: z.boolean(), global: z.boolean() }),
  ),
  warnings: z.array(problemView),
  /** Ids of the `yara` indicators of the organization's knowledge this set defines. */
  indicator_ids: z.array(z.uuid()),
  created_at: z.string(),
  updated_at: z.string(),
});

export const ruleSetDetailView = ruleSetView.extend({ source: z.string() });

export const listRuleSetsQuery = pageQuery.extend({ project_id: z.uuid().optional() });

export const scanQuery = z
  .object({
    project_id: z.uuid(),
    filename: z.string().trim().min(1).max(255),
    /** Comma-separated rule set ids; all of the project's rule sets when omitted. */
    rule_set_ids: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((v) =>
        v
          ? [
              ...new Set(
                v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              ),
            ]
          : [],
      )
      .pipe(z.array(z.uuid({ message: 'expected comma-separated rule set ids' })).max(50)),
  })
  .strict();

export const scanMatchView = z.object({
  rule_set_id: z.string(),
  rule_set: z.string(),
  rule: z.string(),
  namespace: z.string(),
  tags: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()),
  strings: z.array(z.object({ identifier: z.string(), offset: z.number(), length: z.number() })),
});

export const scanView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  filename: z.string(),
  size_bytes: z.number(),
  sha256: z.string(),
  rule_set_ids: z.array(z.uuid()),
  status: z.enum(SCAN_STATUSES),
  match_count: z.number().int().nullable(),
  matches: z.array(scanMatchView).nullable(),
  error: z.string().nullable(),
  job_id: z.uuid().nullable(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
});

export const listScansQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  status: z.enum(SCAN_STATUSES).optional(),
});
export const idParams = z.object({ id: z.uuid() });
