import { defineJob, type Platform } from '@assay/core';
import type { Db } from '@assay/db';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AnswerExtraction } from '../engine/index.ts';
import { extractorFor, loadBrands } from './extract.ts';
import { visibilityAnswers, visibilityCitations, visibilityMentions } from './schema.ts';
import { extractionRows, sentimentMethodOf } from './store-answer.ts';

export const REEXTRACT_JOB = 'visibility.reextract';
const BATCH = 200;

/** Enqueues a re-extraction of a project's answers in the caller's transaction (after its brands changed). */
export async function enqueueReextract(platform: Platform, tx: Db, orgId: string, projectId: string) {
  const job = await platform.jobs.enqueue(tx, {
    orgId,
    name: REEXTRACT_JOB,
    payload: { orgId, projectId },
    idempotencyKey: `${REEXTRACT_JOB}:${projectId}:${Date.now()}`,
  });
  return job.id;
}

/**
 * Brands changed: every stored answer of the project is extracted again with the current brands, so
 * metrics and drill-down count a newly tracked competitor in old answers too. Batches commit one by
 * one; a retried job simply redoes them (the result depends only on the text and the brands).
 */
export const reextractJob = (_platform: Platform) =>
  defineJob({
    name: REEXTRACT_JOB,
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), projectId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const extractor = extractorFor(await loadBrands(ctx.db, payload.orgId, payload.projectId));
      const scope = and(
        eq(visibilityAnswers.orgId, payload.orgId),
        eq(visibilityAnswers.projectId, payload.projectId),
      );
      let after: string | undefined;
      let done = 0;
      for (;;) {
        ctx.signal.throwIfAborted();
        const rows = await ctx.db
          .select({
            id: visibilityAnswers.id,
            text: visibilityAnswers.text,
            providerCitations: visibilityAnswers.providerCitations,
            previous: visibilityAnswers.extraction,
          })
          .from(visibilityAnswers)
          .where(and(scope, after ? gt(visibilityAnswers.id, after) : undefined))
          .orderBy(asc(visibilityAnswers.id))
          .limit(BATCH);
        if (rows.length === 0) break;
        await ctx.db.transaction(async (tx) => {
          const ids = rows.map((r) => r.id);
          await tx
            .delete(visibilityMentions)
            .where(
              and(eq(visibilityMentions.orgId, payload.orgId), inArray(visibilityMentions.answerId, ids)),
            );
          await tx
            .delete(visibilityCitations)
            .where(
              and(eq(visibilityCitations.orgId, payload.orgId), inArray(visibilityCitations.answerId, ids)),
            );
          const mentions = [];
          const citations = [];
          const updates = [];
          for (const row of rows) {
            const extraction = keepLlmSentiment(
              extractor.extract({ text: row.text, annotations: row.providerCitations }),
              row.previous as AnswerExtraction,
            );
            const out = extractionRows(payload.orgId, row.id, extraction);
            mentions.push(...out.mentions);
            citations.push(...out.citations);
            updates.push({
              id: row.id,
              extraction,
              negative: out.negative,
              sentiment_method: sentimentMethodOf(extraction),
            });
          }
          // The whole batch in one statement: its rows arrive as one JSON array.
          await tx.execute(sql`
            update ${visibilityAnswers} as a
            set extraction = v.extraction, negative = v.negative, sentiment_method = v.sentiment_method
            from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
              as v(id uuid, extraction jsonb, negative boolean, sentiment_method text)
            where a.org_id = ${payload.orgId} and a.id = v.id`);
          if (mentions.length) await tx.insert(visibilityMentions).values(mentions);
          if (citations.length) await tx.insert(visibilityCitations).values(citations);
        });
        done += rows.length;
        after = rows[rows.length - 1].id;
      }
      return { answers: done };
    },
  });

/** Sentiment the LLM gave a brand is kept (re-extraction has no model call); new brands get the baseline. */
function keepLlmSentiment(next: AnswerExtraction, previous: AnswerExtraction | null): AnswerExtraction {
  const before = new Map((previous?.brands ?? []).map((b) => [b.brand_id, b.sentiment]));
  return {
    ...next,
    brands: next.brands.map((b) => {
      const old = before.get(b.brand_id);
      return b.mentioned && old?.method === 'llm' ? { ...b, sentiment: old } : b;
    }),
  };
}
