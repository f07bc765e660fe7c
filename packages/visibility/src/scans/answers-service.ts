import { afterCursor, decodeCursor, notFound, type ServiceContext } from '@assay/core';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { listAnswersQuery } from './contracts-runs.ts';
import {
  visibilityAnswers as a,
  visibilityBrands,
  visibilityCitations,
  visibilityMentions,
} from './schema.ts';

export type AnswerFilter = Omit<z.infer<typeof listAnswersQuery>, 'page[size]' | 'page[cursor]'>;

/** The WHERE of an answer list: tenant first, then each filter given. */
export function answerConditions(ctx: Pick<ServiceContext, 'orgId'>, q: AnswerFilter): SQL | undefined {
  const m = visibilityMentions;
  const mentionFilter =
    q.brand_id || q.sentiment
      ? sql`exists (select 1 from ${m} where ${and(
          eq(m.answerId, a.id),
          q.brand_id ? eq(m.brandId, q.brand_id) : undefined,
          q.sentiment ? eq(m.sentimentLabel, q.sentiment) : undefined,
        )})`
      : undefined;
  return and(
    eq(a.orgId, ctx.orgId),
    q.project_id ? eq(a.projectId, q.project_id) : undefined,
    q.run_id ? eq(a.runId, q.run_id) : undefined,
    q.prompt_id ? eq(a.promptId, q.prompt_id) : undefined,
    q.model ? eq(a.model, q.model) : undefined,
    q.imported ? eq(a.imported, q.imported === 'true') : undefined,
    q.from ? gte(a.sampledAt, new Date(q.from)) : undefined,
    q.to ? lt(a.sampledAt, new Date(q.to)) : undefined,
    mentionFilter,
  );
}

type AnswerRow = typeof a.$inferSelect;

/** Mention and citation rows of the given answers, with brand names, as the API shows them. */
export async function withDetails(db: ServiceContext['db'], orgId: string, rows: AnswerRow[]) {
  const ids = rows.map((r) => r.id);
  const mentions = ids.length
    ? await db
        .select({ m: visibilityMentions, name: visibilityBrands.name, owned: visibilityBrands.owned })
        .from(visibilityMentions)
        .leftJoin(visibilityBrands, eq(visibilityBrands.id, visibilityMentions.brandId))
        .where(and(eq(visibilityMentions.orgId, orgId), inArray(visibilityMentions.answerId, ids)))
    : [];
  const citations = ids.length
    ? await db
        .select()
        .from(visibilityCitations)
        .where(and(eq(visibilityCitations.orgId, orgId), inArray(visibilityCitations.answerId, ids)))
    : [];
  return rows.map((r) => ({
    id: r.id,
    project_id: r.projectId,
    run_id: r.runId,
    prompt_id: r.promptId,
    prompt_text: r.promptText,
    topic: r.topic,
    model: r.model,
    sample: r.sample,
    text: r.text,
    sampled_at: r.sampledAt.toISOString(),
    input_tokens: r.inputTokens,
    output_tokens: r.outputTokens,
    cost_micros: r.costMicros,
    latency_ms: r.latencyMs,
    web_search: r.webSearch,
    imported: r.imported,
    import_label: r.importLabel,
    provider_citations: r.providerCitations,
    sentiment_method: r.sentimentMethod,
    mentions: mentions
      .filter((x) => x.m.answerId === r.id)
      .map(({ m, name, owned }) => ({
        brand_id: m.brandId,
        brand_name: name,
        owned: owned ?? false,
        count: m.count,
        spans: m.spans,
        rank: m.rank,
        rank_method: m.rankMethod,
        rank_confidence: m.rankConfidence,
        sentiment:
          m.sentimentLabel && m.sentimentScore !== null
            ? { score: m.sentimentScore, label: m.sentimentLabel, method: m.sentimentMethod ?? 'baseline' }
            : null,
      })),
    citations: citations
      .filter((c) => c.answerId === r.id)
      .map((c) => ({
        url: c.url,
        domain: c.domain,
        title: c.title,
        class: c.class as 'owned',
        brand_id: c.brandId,
        sources: c.sources,
      })),
  }));
}

export async function listAnswers(ctx: ServiceContext, q: z.infer<typeof listAnswersQuery>) {
  const cursor = decodeCursor(q['page[cursor]']);
  return ctx.db
    .select()
    .from(a)
    .where(and(answerConditions(ctx, q), afterCursor(a.createdAt, a.id, cursor)))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(q['page[size]'] + 1);
}

export async function getAnswer(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(a)
    .where(and(eq(a.orgId, ctx.orgId), eq(a.id, id)));
  if (!row) throw notFound('Answer');
  const [view] = await withDetails(ctx.db, ctx.orgId, [row]);
  return view;
}
