import type { ChartPoint, ChartSeries } from './visibility-chart';
import { num, pct } from './visibility-format';
import type { BrandMetrics, GroupMetrics, VisibilityMetrics } from './visibility-types';

export type MetricKey =
  | 'mention_rate'
  | 'sov_answers'
  | 'sov_mentions'
  | 'position'
  | 'sentiment'
  | 'citation_rate';

export interface MetricSpec {
  key: MetricKey;
  label: string;
  /** The definition's name in the API reference (GET /v1/visibility/metrics `definitions`). */
  definition: string;
  format: (v: number) => string;
  domain?: [number, number];
  /** Lower is better. */
  invert?: boolean;
  point: (b: BrandMetrics) => Omit<ChartPoint, 'x'>;
}

const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

export const METRICS: MetricSpec[] = [
  {
    key: 'mention_rate',
    label: 'Mention rate',
    definition: 'mention_rate',
    format: pct,
    domain: [0, 1],
    point: (b) => ({
      y: b.mention_rate.value,
      low: b.mention_rate.ci_low,
      high: b.mention_rate.ci_high,
      weak: b.mention_rate.low_sample,
      note: `${b.mention_rate.successes} of ${b.mention_rate.n} answers`,
    }),
  },
  {
    key: 'sov_answers',
    label: 'Share of voice (answers)',
    definition: 'sov_answers',
    format: pct,
    domain: [0, 1],
    point: (b) => ({
      y: b.sov_answers.value,
      note: `${b.sov_answers.brand_answers} of ${b.sov_answers.answers_with_any} answers naming a tracked brand`,
    }),
  },
  {
    key: 'sov_mentions',
    label: 'Share of voice (mentions)',
    definition: 'sov_mentions',
    format: pct,
    domain: [0, 1],
    point: (b) => ({
      y: b.sov_mentions.value,
      note: `${b.sov_mentions.brand_mentions} of ${b.sov_mentions.total_mentions} mentions`,
    }),
  },
  {
    key: 'position',
    label: 'Average position',
    definition: 'position.average',
    format: (v) => num(v, 1),
    invert: true,
    point: (b) => ({ y: b.position.average, note: `${b.position.ranked_answers} ranked answers` }),
  },
  {
    key: 'sentiment',
    label: 'Sentiment',
    definition: 'sentiment.average',
    format: signed,
    domain: [-1, 1],
    point: (b) => ({ y: b.sentiment.average, note: `${b.sentiment.scored_answers} scored answers` }),
  },
  {
    key: 'citation_rate',
    label: 'Citation rate',
    definition: 'citation_rate',
    format: pct,
    domain: [0, 1],
    point: (b) => ({
      y: b.citation_rate.value,
      low: b.citation_rate.ci_low,
      high: b.citation_rate.ci_high,
      weak: b.citation_rate.low_sample,
      note: `${b.citation_rate.successes} of ${b.citation_rate.n} answers`,
    }),
  },
];

export const metricSpec = (key: string | undefined): MetricSpec =>
  METRICS.find((m) => m.key === key) ?? METRICS[0];

/** The brand the dashboard is about: the first owned one, or the first tracked brand. */
export function primaryBrand(metrics: VisibilityMetrics) {
  return metrics.brands.find((b) => b.owned) ?? metrics.brands[0] ?? null;
}

const brandIn = (g: GroupMetrics, id: string) => g.brands.find((b) => b.brand_id === id);

/** One line per tracked brand of `spec` over the time buckets. */
export function seriesByBrand(metrics: VisibilityMetrics, spec: MetricSpec): ChartSeries[] {
  return metrics.brands.map((brand) => ({
    name: brand.owned ? `${brand.name} (yours)` : brand.name,
    points: metrics.by_time.map((g) => {
      const b = brandIn(g, brand.id);
      return b ? { x: g.key, ...spec.point(b) } : { x: g.key, y: null };
    }),
  }));
}

/** One line per model of `spec` for one brand, from per-model metrics queries. */
export function seriesByModel(
  perModel: { model: string; metrics: VisibilityMetrics | null }[],
  brandId: string,
  spec: MetricSpec,
): ChartSeries[] {
  return perModel
    .filter((m) => m.metrics)
    .map((m) => ({
      name: m.model,
      points: (m.metrics as VisibilityMetrics).by_time.map((g) => {
        const b = brandIn(g, brandId);
        return b ? { x: g.key, ...spec.point(b) } : { x: g.key, y: null };
      }),
    }));
}

export { brandIn };
