/** Shapes of the visibility API's responses (mirrors packages/visibility/src/scans/contracts-*.ts). */

export interface Brand {
  id: string;
  project_id: string;
  name: string;
  aliases: string[];
  products: string[];
  domains: string[];
  owned: boolean;
  ambiguous: boolean | null;
  created_at: string;
  updated_at: string;
}

export interface Prompt {
  id: string;
  project_id: string;
  text: string;
  topic: string | null;
  tags: string[];
  language: string | null;
  country: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface ModelSet {
  id: string;
  project_id: string;
  name: string;
  models: string[];
  samples_per_prompt: number;
  web_search: boolean;
  created_at: string;
  updated_at: string;
}

export interface Suggestion {
  name: string;
  answers: number;
  occurrences: number;
  signals: string[];
  example_answer_id: string;
}

export const SCAN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'PARTIAL', 'FAILED', 'CANCELLED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const isRunActive = (s: ScanStatus) => s === 'QUEUED' || s === 'RUNNING';

export interface ScanFailure {
  prompt_id: string;
  model: string;
  sample: number;
  code: string;
  reason: string;
}

export interface Methodology {
  model_set_id: string;
  model_set_name: string;
  models: string[];
  samples_per_prompt: number;
  web_search: boolean;
  prompts: { id: string; text: string; topic: string | null }[];
  brands: { id: string; name: string; owned: boolean }[];
  concurrency_per_provider: number;
  /** llm (falling back to baseline per answer when a call fails) or baseline. */
  sentiment_method: string;
  sentiment_model?: string | null;
}

export interface ScanRun {
  id: string;
  project_id: string;
  model_set_id: string | null;
  schedule_id: string | null;
  status: ScanStatus;
  progress: number;
  total_calls: number;
  completed_calls: number;
  failed_calls: number;
  failures: ScanFailure[];
  methodology: Methodology;
  cost_micros: number;
  error: string | null;
  job_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export type CitationClass = 'owned' | 'competitor' | 'third_party';
export type SentimentLabel = 'positive' | 'negative' | 'neutral' | 'mixed';

export interface Citation {
  url: string;
  domain: string;
  title: string | null;
  class: CitationClass;
  brand_id: string | null;
  sources: string[];
}

export interface Mention {
  brand_id: string;
  brand_name: string | null;
  owned: boolean;
  count: number;
  /** Half-open [start, end) UTF-16 offsets into the answer text. */
  spans: [number, number][];
  rank: number | null;
  rank_method: string | null;
  rank_confidence: number | null;
  sentiment: { score: number; label: string; method: string } | null;
}

export interface Answer {
  id: string;
  project_id: string;
  run_id: string | null;
  prompt_id: string | null;
  prompt_text: string;
  topic: string | null;
  model: string;
  sample: number;
  text: string;
  sampled_at: string;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_micros: number | null;
  latency_ms: number | null;
  web_search: boolean;
  imported: boolean;
  import_label: string | null;
  provider_citations: { url: string; title: string | null }[];
  sentiment_method: string;
  mentions: Mention[];
  citations: Citation[];
}

/** A proportion with its Wilson 95% interval; `low_sample` when n is below the threshold. */
export interface Rate {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  successes: number;
  n: number;
  low_sample: boolean;
}

export interface BrandMetrics {
  brand_id: string;
  owned: boolean;
  mention_rate: Rate;
  mentions: number;
  sov_mentions: { value: number | null; brand_mentions: number; total_mentions: number };
  sov_answers: { value: number | null; brand_answers: number; answers_with_any: number };
  position: { average: number | null; ranked_answers: number; distribution: Record<string, number> };
  sentiment: {
    average: number | null;
    scored_answers: number;
    distribution: Record<SentimentLabel, number>;
  };
  citation_rate: Rate;
}

export interface DomainCount {
  domain: string;
  class: CitationClass;
  brand_id: string | null;
  citations: number;
  answers: number;
}

export interface GroupMetrics {
  key: string;
  answers: number;
  imported_answers: number;
  brands: BrandMetrics[];
  answers_with_citations: Rate;
  top_domains: DomainCount[];
}

export interface MetricDefinition {
  name: string;
  formula: string;
  notes: string;
}

/** Where the dashboard's figures came from: answers, runs, models, samples, web search, imports. */
export interface MetricsMethodology {
  from: string;
  to: string;
  answers: number;
  scanned_answers: number;
  imported_answers: number;
  runs: number;
  models: string[];
  samples_per_prompt: number[];
  web_search: 'on' | 'off' | 'mixed' | 'n/a';
  sentiment_method: string;
  low_sample_threshold: number;
  confidence_level: number;
  interval: string;
}

/** GET /v1/visibility/metrics */
export interface VisibilityMetrics {
  methodology: MetricsMethodology;
  definitions: MetricDefinition[];
  brands: { id: string; name: string; owned: boolean }[];
  bucket: 'day' | 'week';
  overall: GroupMetrics;
  by_model: GroupMetrics[];
  /** Keyed by prompt id; texts in `prompts`. */
  by_prompt: GroupMetrics[];
  by_topic: GroupMetrics[];
  by_time: GroupMetrics[];
  prompts: { id: string; text: string; topic: string | null }[];
}

export interface ImportResult {
  imported: number;
  label: string;
  prompts_created: number;
  answer_ids: string[];
}

/** GET /v1/visibility/providers: the LLM providers scans can use on this installation. */
export interface ProvidersInfo {
  configured: boolean;
  providers: { name: string; web_search: boolean; available: boolean }[];
  default_model: string | null;
  help: string | null;
}

/** A recurring scan (GET /v1/scan-schedules). */
export interface ScanSchedule {
  id: string;
  project_id: string;
  model_set_id: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  next_run_at: string | null;
  last_run_id: string | null;
  created_at: string;
}
