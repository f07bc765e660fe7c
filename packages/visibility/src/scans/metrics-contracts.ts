import { z } from 'zod';
import { METRIC_DEFINITIONS } from '../engine/index.ts';

export const metricsQuery = z.object({
  project_id: z.uuid(),
  from: z.iso.datetime({ offset: true }).optional().describe('Default: 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  bucket: z.enum(['day', 'week']).default('day'),
  run_id: z.uuid().optional(),
  model: z.string().max(120).optional(),
  prompt_id: z.uuid().optional(),
  topic: z.string().max(80).optional(),
  imported: z.enum(['include', 'exclude', 'only']).default('include'),
  low_sample_threshold: z.coerce.number().int().min(1).max(10_000).default(30),
});

const rate = z.object({
  value: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  successes: z.number().int(),
  n: z.number().int(),
  low_sample: z.boolean(),
});
const brandMetrics = z.object({
  brand_id: z.string(),
  owned: z.boolean(),
  mention_rate: rate,
  mentions: z.number().int(),
  sov_mentions: z.object({
    value: z.number().nullable(),
    brand_mentions: z.number().int(),
    total_mentions: z.number().int(),
  }),
  sov_answers: z.object({
    value: z.number().nullable(),
    brand_answers: z.number().int(),
    answers_with_any: z.number().int(),
  }),
  position: z.object({
    average: z.number().nullable(),
    ranked_answers: z.number().int(),
    distribution: z.record(z.string(), z.number()),
  }),
  sentiment: z.object({
    average: z.number().nullable(),
    scored_answers: z.number().int(),
    distribution: z.record(z.string(), z.number()),
  }),
  citation_rate: rate,
});
const group = z.object({
  key: z.string(),
  answers: z.number().int(),
  imported_answers: z.number().int(),
  brands: z.array(brandMetrics),
  answers_with_citations: rate,
  top_domains: z.array(
    z.object({
      domain: z.string(),
      class: z.string(),
      brand_id: z.string().nullable(),
      citations: z.number().int(),
      answers: z.number().int(),
    }),
  ),
});

export const methodologySummary = z.object({
  from: z.string(),
  to: z.string(),
  answers: z.number().int(),
  scanned_answers: z.number().int(),
  imported_answers: z.number().int(),
  runs: z.number().int().describe('Scan runs the scanned answers come from'),
  models: z.array(z.string()),
  samples_per_prompt: z
    .array(z.number().int())
    .describe('Distinct samples-per-prompt settings of those runs'),
  web_search: z.enum(['on', 'off', 'mixed', 'n/a']),
  sentiment_method: z
    .string()
    .describe('llm, baseline (lexicon), or mixed when the answers in range were scored both ways'),
  low_sample_threshold: z.number().int(),
  confidence_level: z.literal(0.95),
  interval: z.literal('wilson'),
});

export const metricsView = z.object({
  methodology: methodologySummary,
  definitions: z.array(z.object({ name: z.string(), formula: z.string(), notes: z.string() })),
  brands: z.array(z.object({ id: z.string(), name: z.string(), owned: z.boolean() })),
  bucket: z.enum(['day', 'week']),
  overall: group,
  by_model: z.array(group),
  by_prompt: z.array(group).describe('Keyed by prompt id; prompt texts in `prompts`'),
  by_topic: z.array(group),
  by_time: z.array(group).describe('Keyed by bucket start (UTC day, or ISO week starting Monday)'),
  prompts: z.array(z.object({ id: z.string(), text: z.string(), topic: z.string().nullable() })),
});

/** The formulas, for the route description of the API reference. */
export const METRICS_DESCRIPTION = [
  'Visibility figures per tracked brand, overall and per model, prompt, topic and time bucket, computed from the answers in range (scanned and imported, see `imported`). `methodology` beside the figures says how many answers, runs and models they rest on, and whether web search was on. Each rate carries a Wilson 95% interval and `low_sample` when fewer than `low_sample_threshold` answers back it.',
  '',
  ...METRIC_DEFINITIONS.map((d) => `- **${d.name}** = ${d.formula}. ${d.notes}`),
].join('\n');
