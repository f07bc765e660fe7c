import type { TimeBucket } from './buckets.ts';
import type { AnswerExtraction, CitationClass, SentimentLabel } from './types.ts';

/** One extracted answer with what it was an answer to. */
export interface AnswerRecord {
  answer_id?: string;
  prompt_id: string;
  topic?: string | null;
  model: string;
  sampled_at: string | Date;
  /** Imported from elsewhere (e.g. uploaded transcripts) rather than sampled by us. */
  imported?: boolean;
  extraction: AnswerExtraction;
}

export interface MetricsOptions {
  bucket?: TimeBucket;
  /** Rates from fewer answers than this are flagged `low_sample` (default 30). */
  lowSampleThreshold?: number;
  imported?: 'include' | 'exclude' | 'only';
  /** How many cited domains to list per group (default 10). */
  topDomains?: number;
}

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
  sentiment: { average: number | null; scored_answers: number; distribution: Record<SentimentLabel, number> };
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
  /** Share of answers with at least one citation. */
  answers_with_citations: Rate;
  top_domains: DomainCount[];
}

export interface VisibilityMetrics {
  bucket: TimeBucket;
  overall: GroupMetrics;
  by_model: GroupMetrics[];
  by_prompt: GroupMetrics[];
  by_topic: GroupMetrics[];
  by_time: GroupMetrics[];
}
