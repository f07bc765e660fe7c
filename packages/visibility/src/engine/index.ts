export { bucketKey, type TimeBucket } from './buckets.ts';
export { extractCitations } from './citations.ts';
export { registrableDomain } from './domains.ts';
export { damerauLevenshtein } from './fuzzy.ts';
export { type ExtractorOptions, MentionExtractor } from './mentions.ts';
export { METRIC_DEFINITIONS, type MetricDefinition } from './metric-definitions.ts';
export {
  type AnswerRecord,
  type BrandMetrics,
  computeMetrics,
  type DomainCount,
  type GroupMetrics,
  type MetricsOptions,
  type Rate,
  type VisibilityMetrics,
} from './metrics.ts';
export { PUBLIC_SUFFIXES } from './public-suffixes.ts';
export {
  baselineScorer,
  baselineSentiment,
  type SentimentPassage,
  type SentimentRequest,
  type SentimentScorer,
} from './sentiment.ts';
export { type Interval, wilsonInterval, Z_95 } from './stats.ts';
export type * from './types.ts';
export { type FoundLink, findLinks, normaliseUrl } from './urls.ts';
