import {
  AiError,
  AiOutputError,
  AiUnavailableError,
  defineJob,
  emitEvent,
  type JobContext,
  type Platform,
} from '@assay/core';
import type { Db } from '@assay/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { extractorFor, loadBrands } from './extract.ts';
import { runKeyed } from './limiter.ts';
import { llmSentimentScorer } from './llm-sentiment.ts';
import { providerOf } from './providers.ts';
import { SCAN_JOB } from './run-service.ts';
import {
  type ScanFailure,
  visibilityAnswers,
  visibilityBrands,
  visibilityMentions,
  visibilityScanRuns,
} from './schema.ts';
import { storeAnswer } from './store-answer.ts';

const MAX_ATTEMPTS = 3;

type AnswerResult = Awaited<ReturnType<Platform['ai']['generateText']>>;

interface Call {
  prompt: { id: string; text: string; topic: string | null };
  model: string;
  sample: number;
}

function failureOf(error: unknown): Pick<ScanFailure, 'code' | 'reason'> {
  if (error instanceof AiUnavailableError) return { code: error.reason, reason: error.message };
  if (error instanceof AiOutputError) return { code: 'invalid_output', reason: error.message };
  if (error instanceof AiError) return { code: error.code.toLowerCase(), reason: error.message };
  return { code: 'internal', reason: 'Unexpected error while storing the answer (see the worker log)' };
}

/**
 * Sends every prompt x model x sample of a run, at most `concurrency` calls per provider at once, with
 * the AI layer's retries; each answer is extracted and stored (with its usage event) as it arrives, and
 * each call that yields no answer is listed with its reason. A retried job skips calls already answered.
 */
export const scanJob = (platform: Platform) =>
  defineJob({
    name: SCAN_JOB,
    queue: 'long-running',
    payload: z.object({ orgId: z.uuid(), runId: z.uuid() }).strict(),
    maxAttempts: MAX_ATTEMPTS,
    async handler(payload, ctx) {
      try {
        return await runScan(platform, payload, ctx);
      } catch (error) {
        if (ctx.attempt >= MAX_ATTEMPTS && !ctx.signal.aborted) {
          await ctx.db
            .update(visibilityScanRuns)
            .set({ status: 'FAILED', error: 'The scan stopped on an internal error', finishedAt: new Date() })
            .where(
              and(
                eq(visibilityScanRuns.orgId, payload.orgId),
                eq(visibilityScanRuns.id, payload.runId),
                inArray(visibilityScanRuns.status, ['QUEUED', 'RUNNING']),
              ),
            );
        }
        throw error;
      }
    },
  });

async function runScan(platform: Platform, payload: { orgId: string; runId: string }, ctx: JobContext) {
  const runWhere = and(eq(visibilityScanRuns.orgId, payload.orgId), eq(visibilityScanRuns.id, payload.runId));
  const [run] = await ctx.db.select().from(visibilityScanRuns).where(runWhere);
  if (!run) return { skipped: 'run deleted' };
  const answered = await ctx.db
    .select({
      promptId: visibilityAnswers.promptId,
      model: visibilityAnswers.model,
      sample: visibilityAnswers.sample,
    })
    .from(visibilityAnswers)
    .where(eq(visibilityAnswers.runId, run.id));
  const [started] = await ctx.db
    .update(visibilityScanRuns)
    .set({
      status: 'RUNNING',
      startedAt: run.startedAt ?? new Date(),
      completedCalls: answered.length,
      failedCalls: 0,
      failures: [],
    })
    .where(and(runWhere, inArray(visibilityScanRuns.status, ['QUEUED', 'RUNNING'])))
    .returning();
  if (!started) return { skipped: `run is ${run.status}` };

  const m = run.methodology;
  const done = new Set(answered.map((a) => `${a.promptId}|${a.model}|${a.sample}`));
  const calls: Call[] = [];
  for (const prompt of m.prompts)
    for (const model of m.models)
      for (let sample = 1; sample <= m.samples_per_prompt; sample++)
        if (!done.has(`${prompt.id}|${model}|${sample}`)) calls.push({ prompt, model, sample });

  const extractor = extractorFor(await loadBrands(ctx.db, payload.orgId, run.projectId));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  let settled = answered.length;
  let lastProgress = 0;
  const reportProgress = async () => {
    if (Date.now() - lastProgress < 1000 && settled < run.totalCalls) return;
    lastProgress = Date.now();
    await ctx.progress(Math.min(99, Math.floor((settled / run.totalCalls) * 100))).catch(() => undefined);
  };
  const stillRunning = and(runWhere, eq(visibilityScanRuns.status, 'RUNNING'));

  const recordFailure = async (call: Call, failure: Pick<ScanFailure, 'code' | 'reason'>) => {
    const entry: ScanFailure = {
      prompt_id: call.prompt.id,
      model: call.model,
      sample: call.sample,
      ...failure,
    };
    await ctx.db
      .update(visibilityScanRuns)
      .set({
        failedCalls: sql`${visibilityScanRuns.failedCalls} + 1`,
        failures: sql`${visibilityScanRuns.failures} || ${JSON.stringify([entry])}::jsonb`,
      })
      .where(stillRunning);
    settled += 1;
    await reportProgress();
  };
  const scorer =
    m.sentiment_method === 'llm'
      ? llmSentimentScorer(platform.ai, {
          orgId: payload.orgId,
          jobId: ctx.jobId,
          model: m.sentiment_model ?? undefined,
          signal: stop.signal,
        })
      : null;
  const recordAnswer = async (call: Call, result: AnswerResult, latencyMs: number) => {
    try {
      const input = { text: result.text, annotations: result.sources };
      const extraction = scorer ? await extractor.extractWith(input, scorer) : extractor.extract(input);
      const kept = await ctx.db.transaction(async (tx) => {
        const [counted] = await tx
          .update(visibilityScanRuns)
          .set({
            completedCalls: sql`${visibilityScanRuns.completedCalls} + 1`,
            costMicros: sql`${visibilityScanRuns.costMicros} + ${result.costMicros}`,
          })
          .where(stillRunning)
          .returning({ id: visibilityScanRuns.id });
        if (!counted) return false;
        await storeAnswer(
          tx,
          extractor,
          {
            orgId: payload.orgId,
            projectId: run.projectId,
            runId: run.id,
            promptId: call.prompt.id,
            promptText: call.prompt.text,
            topic: call.prompt.topic,
            model: call.model,
            sample: call.sample,
            text: result.text,
            sampledAt: new Date(),
            inputTokens: result.usage.inputTokens,
            outputTokens: result.usage.outputTokens,
            costMicros: result.costMicros,
            latencyMs,
            webSearch: m.web_search,
            providerCitations: result.sources,
          },
          extraction,
        );
        return true;
      });
      // The run was cancelled (or finished elsewhere) meanwhile: stop sending.
      if (!kept) return stop.abort();
      settled += 1;
      await reportProgress();
    } catch (error) {
      if (stop.signal.aborted) return;
      ctx.logger.error({ err: error, runId: run.id }, 'scan answer could not be stored');
      await recordFailure(call, failureOf(error));
    }
  };

  // Requests in flight per provider are capped at `concurrency_per_provider` by the AI layer's
  // per-provider semaphore, released the moment a response arrives. Twice as many lanes queue on it, so
  // the next request goes out while the previous answer's usage row and storage are still being
  // written: the provider never idles on our database.
  const storing: Promise<void>[] = [];
  await runKeyed(
    calls,
    (call) => providerOf(platform, call.model),
    () => m.concurrency_per_provider * 2,
    async (call) => {
      if (stop.signal.aborted) return;
      const sentAt = performance.now();
      let result: AnswerResult;
      try {
        result = await platform.ai.generateText({
          orgId: payload.orgId,
          jobId: ctx.jobId,
          module: 'visibility',
          model: call.model,
          prompt: call.prompt.text,
          webSearch: m.web_search,
          signal: stop.signal,
        });
      } catch (error) {
        if (stop.signal.aborted) return;
        return recordFailure(call, failureOf(error));
      }
      storing.push(recordAnswer(call, result, Math.round(performance.now() - sentAt)));
    },
  );
  await Promise.all(storing);
  ctx.signal.removeEventListener('abort', onAbort);

  if (stop.signal.aborted) {
    // Cancelled through the jobs API rather than the run: the run says so too.
    const job = await platform.jobs.get(payload.orgId, ctx.jobId).catch(() => null);
    if (job?.status === 'cancelled') {
      await ctx.db
        .update(visibilityScanRuns)
        .set({ status: 'CANCELLED', finishedAt: new Date() })
        .where(stillRunning);
    }
    return { cancelled: true };
  }
  const deliveries: string[] = [];
  const outcome = await ctx.complete(async (tx) => {
    const [final] = await tx.select().from(visibilityScanRuns).where(runWhere);
    const status = final.failedCalls === 0 ? 'DONE' : final.completedCalls === 0 ? 'FAILED' : 'PARTIAL';
    const [updated] = await tx
      .update(visibilityScanRuns)
      .set({
        status,
        finishedAt: new Date(),
        error: status === 'FAILED' ? 'No call produced an answer; see failures' : null,
      })
      .where(and(runWhere, eq(visibilityScanRuns.status, 'RUNNING')))
      .returning({ id: visibilityScanRuns.id });
    if (updated) {
      const event = await emitEvent(tx, {
        orgId: payload.orgId,
        type: 'scan_run.completed',
        data: {
          scan_run_id: run.id,
          project_id: run.projectId,
          status: ({ DONE: 'completed', PARTIAL: 'partial', FAILED: 'failed' } as const)[status],
          prompts: m.prompts.length,
          answers: final.completedCalls,
          ...(await runMentionFigures(tx, payload.orgId, run.id)),
          links: { api: `/v1/scan-runs/${run.id}` },
        },
        dedupeKey: `scan_run.completed:${run.id}`,
      });
      deliveries.push(...event.jobIds);
    }
    return { status, answered: final.completedCalls, failed: final.failedCalls };
  });
  await platform.jobs.dispatch(deliveries);
  return outcome;
}

/** Mentions of tracked brands in a run's answers, and the share of its answers naming an owned brand. */
async function runMentionFigures(tx: Db, orgId: string, runId: string) {
  const [row] = await tx
    .select({
      answers: sql<number>`count(distinct ${visibilityAnswers.id})::int`,
      mentions: sql<number>`coalesce(sum(${visibilityMentions.count}), 0)::int`,
      owned: sql<number>`count(distinct case when ${visibilityBrands.owned} then ${visibilityAnswers.id} end)::int`,
    })
    .from(visibilityAnswers)
    .leftJoin(visibilityMentions, eq(visibilityMentions.answerId, visibilityAnswers.id))
    .leftJoin(visibilityBrands, eq(visibilityBrands.id, visibilityMentions.brandId))
    .where(and(eq(visibilityAnswers.orgId, orgId), eq(visibilityAnswers.runId, runId)));
  return {
    mentions: row.mentions,
    // Mention rate of the project's own brand in this run (answers naming it / answers).
    visibility_score: row.answers > 0 ? row.owned / row.answers : null,
  };
}
