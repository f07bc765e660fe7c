import { chargeUsage } from '@assay/core';
import { type Db, uuidv7 } from '@assay/db';
import type { AnswerExtraction, MentionExtractor } from '../engine/index.ts';
import { SENTIMENT_METHOD } from './extract.ts';
import { visibilityAnswers, visibilityCitations, visibilityMentions } from './schema.ts';

/** The billable event of seed 001: one answer received from a provider during a scan. */
export const SCAN_ANSWER_METRIC = 'visibility.scan_answers';

export interface NewAnswer {
  orgId: string;
  projectId: string;
  runId: string | null;
  promptId: string | null;
  promptText: string;
  topic: string | null;
  model: string;
  sample: number;
  text: string;
  sampledAt: Date;
  inputTokens?: number | null;
  outputTokens?: number | null;
  costMicros?: number | null;
  latencyMs?: number | null;
  webSearch?: boolean;
  providerCitations?: { url: string; title: string | null }[];
  imported?: boolean;
  importLabel?: string | null;
}

/**
 * Extracts an answer and stores it whole with its mention and citation rows, in the caller's
 * transaction. Scan answers (not imported ones) record a usage event in the same transaction.
 */
export async function storeAnswer(
  tx: Db,
  extractor: MentionExtractor,
  answer: NewAnswer,
  precomputed?: AnswerExtraction,
) {
  const extraction: AnswerExtraction =
    precomputed ?? extractor.extract({ text: answer.text, annotations: answer.providerCitations ?? [] });
  const id = uuidv7();
  const rows = extractionRows(answer.orgId, id, extraction);
  await tx.insert(visibilityAnswers).values({
    ...answer,
    id,
    webSearch: answer.webSearch ?? false,
    providerCitations: answer.providerCitations ?? [],
    imported: answer.imported ?? false,
    extraction,
    sentimentMethod: sentimentMethodOf(extraction),
    negative: rows.negative,
  });
  if (rows.mentions.length > 0) await tx.insert(visibilityMentions).values(rows.mentions);
  if (rows.citations.length > 0) await tx.insert(visibilityCitations).values(rows.citations);
  if (!answer.imported) {
    await chargeUsage(tx, {
      orgId: answer.orgId,
      metric: SCAN_ANSWER_METRIC,
      refType: 'visibility_answer',
      refId: id,
      enforce: false,
    });
  }
  return { id, extraction };
}

/** The mention and citation rows of one extraction, and whether any brand is spoken of negatively. */
export function extractionRows(orgId: string, answerId: string, extraction: AnswerExtraction) {
  return {
    negative: extraction.brands.some((b) => b.sentiment?.label === 'negative'),
    mentions: extraction.brands
      .filter((b) => b.mentioned)
      .map((b) => ({
        orgId,
        answerId,
        brandId: b.brand_id,
        count: b.count,
        spans: b.mentions.map((m) => m.span),
        rank: b.rank,
        rankMethod: b.rank_method,
        rankConfidence: b.rank_confidence,
        sentimentScore: b.sentiment?.score ?? null,
        sentimentLabel: b.sentiment?.label ?? null,
        sentimentMethod: b.sentiment?.method ?? null,
      })),
    citations: extraction.citations.map((c) => ({
      orgId,
      answerId,
      url: c.url,
      domain: c.domain,
      title: c.title,
      class: c.class,
      brandId: c.brand_id,
      sources: c.sources as string[],
    })),
  };
}

/** `llm` when the LLM scored at least one brand of the answer, else the baseline. */
export const sentimentMethodOf = (extraction: AnswerExtraction) =>
  extraction.brands.some((b) => b.sentiment?.method === 'llm') ? 'llm' : SENTIMENT_METHOD;
