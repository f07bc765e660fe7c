import type { ServiceContext } from '@assay/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { GroupMetrics } from '../engine/index.ts';
import { type AnswerFilter, answerConditions } from './answers-service.ts';
import { csvLine } from './csv.ts';
import type { projectMetrics } from './metrics-service.ts';
import { visibilityAnswers, visibilityBrands, visibilityMentions } from './schema.ts';

export const MAX_EXPORT_ANSWERS = 20_000;

const round = (v: number | null, digits = 4) => (v === null ? '' : Number(v.toFixed(digits)));

/** One line per group x brand: the figures of the metrics response, flat. */
export function metricsCsv(metrics: Awaited<ReturnType<typeof projectMetrics>>): string {
  const names = new Map(metrics.brands.map((b) => [b.id, b.name]));
  const prompts = new Map(metrics.prompts.map((p) => [p.id, p.text]));
  let out = csvLine([
    'dimension',
    'key',
    'label',
    'brand',
    'owned',
    'answers',
    'imported_answers',
    'mention_rate',
    'mention_rate_ci_low',
    'mention_rate_ci_high',
    'low_sample',
    'mentions',
    'sov_mentions',
    'sov_answers',
    'position_average',
    'ranked_answers',
    'sentiment_average',
    'citation_rate',
    'web_search',
    'models',
  ]);
  const dims: [string, GroupMetrics[]][] = [
    ['overall', [metrics.overall]],
    ['model', metrics.by_model],
    ['prompt', metrics.by_prompt],
    ['topic', metrics.by_topic],
    ['time', metrics.by_time],
  ];
  for (const [dimension, groups] of dims) {
    for (const g of groups) {
      for (const b of g.brands) {
        out += csvLine([
          dimension,
          g.key,
          dimension === 'prompt' ? (prompts.get(g.key) ?? g.key.replace(/^text:/, '')) : g.key,
          names.get(b.brand_id) ?? b.brand_id,
          b.owned,
          g.answers,
          g.imported_answers,
          round(b.mention_rate.value),
          round(b.mention_rate.ci_low),
          round(b.mention_rate.ci_high),
          b.mention_rate.low_sample,
          b.mentions,
          round(b.sov_mentions.value),
          round(b.sov_answers.value),
          round(b.position.average, 2),
          b.position.ranked_answers,
          round(b.sentiment.average),
          round(b.citation_rate.value),
          metrics.methodology.web_search,
          metrics.methodology.models.join(' '),
        ]);
      }
    }
  }
  return out;
}

/** The answers a filter selects, newest first, with the brands each names (rank and sentiment). */
export async function answersCsv(ctx: ServiceContext, filter: AnswerFilter): Promise<string> {
  const rows = await ctx.db
    .select()
    .from(visibilityAnswers)
    .where(answerConditions(ctx, filter))
    .orderBy(desc(visibilityAnswers.sampledAt), desc(visibilityAnswers.id))
    .limit(MAX_EXPORT_ANSWERS);
  const ids = rows.map((r) => r.id);
  const mentions = ids.length
    ? await ctx.db
        .select({
          answerId: visibilityMentions.answerId,
          name: visibilityBrands.name,
          rank: visibilityMentions.rank,
          label: visibilityMentions.sentimentLabel,
        })
        .from(visibilityMentions)
        .innerJoin(visibilityBrands, eq(visibilityBrands.id, visibilityMentions.brandId))
        .where(and(eq(visibilityMentions.orgId, ctx.orgId), inArray(visibilityMentions.answerId, ids)))
    : [];
  let out = csvLine([
    'id',
    'sampled_at',
    'prompt',
    'topic',
    'model',
    'sample',
    'imported',
    'import_label',
    'run_id',
    'brands',
    'citations',
    'answer',
  ]);
  for (const r of rows) {
    const named = mentions
      .filter((m) => m.answerId === r.id)
      .map((m) => `${m.name} (rank ${m.rank ?? '-'}, ${m.label ?? 'n/a'})`)
      .join('; ');
    const cites =
      (r.extraction as { citations?: { url: string }[] }).citations?.map((c) => c.url).join(' ') ?? '';
    out += csvLine([
      r.id,
      r.sampledAt.toISOString(),
      r.promptText,
      r.topic,
      r.model,
      r.sample,
      r.imported,
      r.importLabel,
      r.runId,
      named,
      cites,
      r.text,
    ]);
  }
  return out;
}
