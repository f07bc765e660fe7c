import { chargeUsage, chunksOf } from '@assay/core';
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
  const { id, extraction, row, mentions, citations } = answerRows(extractor, answer, precomputed);
  await tx.insert(visibilityAnswers).values(row);
  if (mentions.length > 0) await tx.insert(visibilityMentions).values(mentions);
  if (citations.length > 0) await tx.insert(visibilityCitations).values(citations);
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

/** An answer's row with its extraction, and the mention and citation rows that go with it. */
function answerRows(extractor: MentionExtractor, answer: NewAnswer, precomputed?: AnswerExtraction) {
  const extraction: AnswerExtraction =
    precomputed ?? extractor.extract({ text: answer.text, annotations: answer.providerCitations ?? [] });
  const id = uuidv7();
  const rows = extractionRows(answer.orgId, id, extraction);
  const row = {
    ...answer,
    id,
    webSearch: answer.webSearch ?? false,
    providerCitations: answer.providerCitations ?? [],
    imported: answer.imported ?? false,
    extraction,
    sentimentMethod: sentimentMethodOf(extraction),
    negative: rows.negative,
  };
  return { id, extraction, row, mentions: rows.mentions, citations: rows.citations };
}

/** Rows per multi-row INSERT: well under Postgres's 65,535 parameters for the widest table here. */
const ROWS_PER_INSERT = 500;

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (const chunk of chunksOf(rows, ROWS_PER_INSERT)) await insert(chunk);
}

/**
 * Imported answers (not billed): the same rows as `storeAnswer` for each, written with a few
 * multi-row inserts instead of three statements per answer. Returns the ids in the order given.
 */
export async function storeImportedAnswers(
  tx: Db,
  extractor: MentionExtractor,
  answers: NewAnswer[],
): Promise<string[]> {
  const built = answers.map((answer) => answerRows(extractor, { ...answer, imported: true }));
  await insertInChunks(
    built.map((b) => b.row),
    (chunk) => tx.insert(visibilityAnswers).values(chunk),
  );
  await insertInChunks(
    built.flatMap((b) => b.mentions),
    (chunk) => tx.insert(visibilityMentions).values(chunk),
  );
  await insertInChunks(
    built.flatMap((b) => b.citations),
    (chunk) => tx.insert(visibilityCitations).values(chunk),
  );
  return built.map((b) => b.id);
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
