import { pageQuery } from '@assay/core';
import { z } from 'zod';

export const SCAN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'PARTIAL', 'FAILED', 'CANCELLED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const FINISHED: readonly ScanStatus[] = ['DONE', 'PARTIAL', 'FAILED', 'CANCELLED'];

export const createScanRunBody = z
  .object({
    project_id: z.uuid(),
    model_set_id: z.uuid(),
    prompt_ids: z
      .array(z.uuid())
      .min(1)
      .max(500)
      .optional()
      .describe('Default: every active prompt of the project'),
  })
  .strict();

export const failureView = z.object({
  prompt_id: z.string(),
  model: z.string(),
  sample: z.number().int(),
  code: z
    .string()
    .describe(
      'not_configured, timeout, network, server_error, rate_limited, circuit_open, rejected, cancelled, internal',
    ),
  reason: z.string(),
});
export const methodologyView = z.object({
  model_set_id: z.string(),
  model_set_name: z.string(),
  models: z.array(z.string()),
  samples_per_prompt: z.number().int(),
  web_search: z.boolean(),
  prompts: z.array(z.object({ id: z.string(), text: z.string(), topic: z.string().nullable() })),
  brands: z.array(z.object({ id: z.string(), name: z.string(), owned: z.boolean() })),
  concurrency_per_provider: z.number().int(),
  sentiment_method: z
    .string()
    .describe('llm (per answer, falling back to baseline when a call fails) or baseline'),
  sentiment_model: z.string().nullable().optional(),
});
export const scanRunView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  model_set_id: z.uuid().nullable(),
  schedule_id: z.uuid().nullable(),
  status: z.enum(SCAN_STATUSES),
  progress: z.number().int().min(0).max(100).describe('(answered + failed) / total calls, in percent'),
  total_calls: z.number().int().describe('prompts x models x samples'),
  completed_calls: z.number().int(),
  failed_calls: z.number().int(),
  failures: z.array(failureView).describe('Every call that produced no answer, and why'),
  methodology: methodologyView,
  cost_micros: z.number().int().describe('Provider cost of the answers, in millionths of a US dollar'),
  error: z.string().nullable(),
  job_id: z.uuid().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export const listRunsQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  status: z.enum(SCAN_STATUSES).optional(),
});

export const citationView = z.object({
  url: z.string(),
  domain: z.string(),
  title: z.string().nullable(),
  class: z.enum(['owned', 'competitor', 'third_party']),
  brand_id: z.string().nullable(),
  sources: z.array(z.string()).describe('annotation (from the provider), markdown, bare_url'),
});
export const mentionView = z.object({
  brand_id: z.string(),
  brand_name: z.string().nullable(),
  owned: z.boolean(),
  count: z.number().int(),
  spans: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('Half-open [start, end) UTF-16 offsets into `text`'),
  rank: z.number().int().nullable(),
  rank_method: z.string().nullable(),
  rank_confidence: z.number().nullable(),
  sentiment: z.object({ score: z.number(), label: z.string(), method: z.string() }).nullable(),
});
export const answerView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  run_id: z.uuid().nullable(),
  prompt_id: z.uuid().nullable(),
  prompt_text: z.string(),
  topic: z.string().nullable(),
  model: z.string(),
  sample: z.number().int(),
  text: z.string(),
  sampled_at: z.string(),
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  cost_micros: z.number().int().nullable(),
  latency_ms: z.number().int().nullable(),
  web_search: z.boolean(),
  imported: z.boolean(),
  import_label: z.string().nullable(),
  provider_citations: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
  sentiment_method: z.string(),
  mentions: z.array(mentionView),
  citations: z.array(citationView),
});
export const listAnswersQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  run_id: z.uuid().optional(),
  prompt_id: z.uuid().optional(),
  model: z.string().max(120).optional(),
  brand_id: z.uuid().optional().describe('Only answers naming this brand'),
  sentiment: z
    .enum(['negative', 'positive', 'neutral', 'mixed'])
    .optional()
    .describe('Only answers where a brand (brand_id if given) is spoken of with this sentiment'),
  imported: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
