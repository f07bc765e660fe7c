import { bucketKey } from './buckets.ts';
import type {
  AnswerRecord,
  BrandMetrics,
  DomainCount,
  GroupMetrics,
  MetricsOptions,
  Rate,
  VisibilityMetrics,
} from './metric-types.ts';
import { mean, ratio, wilsonInterval } from './stats.ts';
import type { SentimentLabel } from './types.ts';

export type * from './metric-types.ts';

function rate(successes: number, n: number, threshold: number): Rate {
  const ci = wilsonInterval(successes, n);
  return {
    value: ratio(successes, n),
    ci_low: ci?.low ?? null,
    ci_high: ci?.high ?? null,
    successes,
    n,
    low_sample: n < threshold,
  };
}

function brandMetrics(
  brand: { id: string; owned?: boolean },
  records: AnswerRecord[],
  threshold: number,
): BrandMetrics {
  const rows = records.map((r) => r.extraction.brands.find((b) => b.brand_id === brand.id));
  const named = rows.filter((b) => b?.mentioned);
  const totalMentions = records.reduce((s, r) => s + r.extraction.brands.reduce((t, b) => t + b.count, 0), 0);
  const answersWithAny = records.filter((r) => r.extraction.brands.some((b) => b.mentioned)).length;
  const brandMentions = named.reduce((s, b) => s + b!.count, 0);
  const ranks = named.map((b) => b!.rank).filter((r): r is number => r !== null);
  const distribution: Record<string, number> = {};
  for (const r of ranks) distribution[r] = (distribution[r] ?? 0) + 1;
  const sentiments = named.map((b) => b!.sentiment).filter((s) => s !== null && s !== undefined);
  const labels: Record<SentimentLabel, number> = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const s of sentiments) labels[s.label]++;
  const citing = records.filter((r) => r.extraction.citations.some((c) => c.brand_id === brand.id)).length;
  return {
    brand_id: brand.id,
    owned: brand.owned ?? false,
    mention_rate: rate(named.length, records.length, threshold),
    mentions: brandMentions,
    sov_mentions: {
      value: ratio(brandMentions, totalMentions),
      brand_mentions: brandMentions,
      total_mentions: totalMentions,
    },
    sov_answers: {
      value: ratio(named.length, answersWithAny),
      brand_answers: named.length,
      answers_with_any: answersWithAny,
    },
    position: { average: mean(ranks), ranked_answers: ranks.length, distribution },
    sentiment: {
      average: mean(sentiments.map((s) => s.score)),
      scored_answers: sentiments.length,
      distribution: labels,
    },
    citation_rate: rate(citing, records.length, threshold),
  };
}

function topDomains(records: AnswerRecord[], limit: number): DomainCount[] {
  const byDomain = new Map<string, DomainCount>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const c of r.extraction.citations) {
      const entry = byDomain.get(c.domain) ?? {
        domain: c.domain,
        class: c.class,
        brand_id: c.brand_id,
        citations: 0,
        answers: 0,
      };
      entry.citations++;
      if (!seen.has(c.domain)) entry.answers++;
      seen.add(c.domain);
      byDomain.set(c.domain, entry);
    }
  }
  return [...byDomain.values()]
    .sort((a, b) => b.citations - a.citations || b.answers - a.answers || a.domain.localeCompare(b.domain))
    .slice(0, limit);
}

function group(
  key: string,
  records: AnswerRecord[],
  brands: { id: string; owned?: boolean }[],
  o: Required<MetricsOptions>,
): GroupMetrics {
  const withCitations = records.filter((r) => r.extraction.citations.length > 0).length;
  return {
    key,
    answers: records.length,
    imported_answers: records.filter((r) => r.imported).length,
    brands: brands.map((b) => brandMetrics(b, records, o.lowSampleThreshold)),
    answers_with_citations: rate(withCitations, records.length, o.lowSampleThreshold),
    top_domains: topDomains(records, o.topDomains),
  };
}

function groupBy(
  records: AnswerRecord[],
  keyOf: (r: AnswerRecord) => string | null,
): Map<string, AnswerRecord[]> {
  const out = new Map<string, AnswerRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    if (key === null) continue;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Visibility metrics per brand, overall and per model, prompt, topic and time bucket. A brand
 * missing from an answer's extraction counts as not mentioned there. Formulas: METRIC_DEFINITIONS.
 */
export function computeMetrics(
  records: AnswerRecord[],
  brands: { id: string; owned?: boolean }[],
  options: MetricsOptions = {},
): VisibilityMetrics {
  const o: Required<MetricsOptions> = {
    bucket: options.bucket ?? 'day',
    lowSampleThreshold: options.lowSampleThreshold ?? 30,
    imported: options.imported ?? 'include',
    topDomains: options.topDomains ?? 10,
  };
  const kept = records.filter((r) =>
    o.imported === 'include' ? true : o.imported === 'only' ? r.imported : !r.imported,
  );
  const groups = (keyOf: (r: AnswerRecord) => string | null) =>
    [...groupBy(kept, keyOf)].map(([key, rs]) => group(key, rs, brands, o));
  return {
    bucket: o.bucket,
    overall: group('all', kept, brands, o),
    by_model: groups((r) => r.model),
    by_prompt: groups((r) => r.prompt_id),
    by_topic: groups((r) => r.topic ?? null),
    by_time: groups((r) => bucketKey(r.sampled_at, o.bucket)),
  };
}
