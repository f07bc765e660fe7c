import {
  AppError,
  assertLlmBudget,
  assertWithinLimit,
  currentPeriod,
  type ErrorDetail,
  engineForModule,
  getAiSettings,
  notFound,
  type Platform,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { usageEvents } from '@assay/db';
import { and, asc, count, eq, gte, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type createScanRunBody, FINISHED, type ScanStatus } from './contracts-runs.ts';
import { loadBrands, SENTIMENT_METHOD } from './extract.ts';

/** LLM sentiment when the organization's visibility engine is the LLM and its model can be called. */
async function sentimentChoice(db: ServiceContext['db'], platform: Platform, orgId: string) {
  const settings = await getAiSettings(db, orgId);
  const engine = engineForModule(settings, 'visibility', platform.ai.available(settings.model ?? undefined));
  return engine === 'llm'
    ? { method: 'llm', model: settings.model ?? platform.config.ai.defaultModel ?? null }
    : { method: SENTIMENT_METHOD, model: null };
}

import { assertProject } from './project.ts';
import { assertModelsUsable } from './providers.ts';
import {
  type ScanMethodology,
  visibilityModelSets,
  visibilityPrompts,
  visibilityScanRuns,
} from './schema.ts';
import { SCAN_ANSWER_METRIC } from './store-answer.ts';

/** A run asks at most this many questions; bigger scans are split into several runs. */
export const MAX_CALLS_PER_RUN = 5000;
export const SCAN_JOB = 'visibility.scan';

export async function loadRun(ctx: Pick<ServiceContext, 'db' | 'orgId'>, id: string) {
  const [row] = await ctx.db
    .select()
    .from(visibilityScanRuns)
    .where(and(eq(visibilityScanRuns.orgId, ctx.orgId), eq(visibilityScanRuns.id, id)));
  if (!row) throw notFound('Scan run');
  return row;
}

async function answersThisPeriod(tx: ServiceContext['db'], orgId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(usageEvents)
    .where(
      and(
        eq(usageEvents.orgId, orgId),
        eq(usageEvents.metric, SCAN_ANSWER_METRIC),
        gte(usageEvents.createdAt, currentPeriod().start),
      ),
    );
  return Number(row.n);
}

/**
 * Records a run QUEUED with the methodology frozen (models, samples, web search, prompts, brands) and
 * enqueues its job in the same transaction. Refuses what cannot run: no provider, unusable models, no
 * prompts, no brands, more calls than a run may make, or more answers than the plan has left.
 */
export async function createScanRun(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createScanRunBody>,
  options: { scheduleId?: string } = {},
) {
  const created = await ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    const [set] = await tx
      .select()
      .from(visibilityModelSets)
      .where(
        and(
          eq(visibilityModelSets.orgId, ctx.orgId),
          eq(visibilityModelSets.projectId, input.project_id),
          eq(visibilityModelSets.id, input.model_set_id),
        ),
      );
    if (!set) throw notFound('Model set');
    assertModelsUsable(platform, set.models, set.webSearch, 'model_set.models');
    const prompts = await tx
      .select()
      .from(visibilityPrompts)
      .where(
        and(
          eq(visibilityPrompts.orgId, ctx.orgId),
          eq(visibilityPrompts.projectId, input.project_id),
          input.prompt_ids
            ? inArray(visibilityPrompts.id, input.prompt_ids)
            : eq(visibilityPrompts.active, true),
        ),
      )
      .orderBy(asc(visibilityPrompts.createdAt));
    if (input.prompt_ids) {
      const known = new Set(prompts.map((p) => p.id));
      const details: ErrorDetail[] = input.prompt_ids.flatMap((id, i) =>
        known.has(id) ? [] : [{ field: `prompt_ids[${i}]`, message: 'no such prompt in this project' }],
      );
      if (details.length > 0)
        throw new AppError('VALIDATION_ERROR', 'Some prompts were not found', { details });
    }
    if (prompts.length === 0) {
      throw new AppError(
        'VALIDATION_ERROR',
        'The project has no active prompts to scan; add some with POST /v1/prompts',
        {
          details: [{ field: 'prompt_ids', message: 'no prompts to scan' }],
        },
      );
    }
    const brands = await loadBrands(tx, ctx.orgId, input.project_id);
    if (brands.length === 0) {
      throw new AppError(
        'VALIDATION_ERROR',
        'Track at least one brand first (POST /v1/brands): a scan measures brands',
        {
          details: [{ field: 'project_id', message: 'no brands tracked in this project' }],
        },
      );
    }
    const totalCalls = prompts.length * set.models.length * set.samplesPerPrompt;
    if (totalCalls > MAX_CALLS_PER_RUN) {
      throw new AppError(
        'VALIDATION_ERROR',
        `This scan would make ${totalCalls} calls (prompts x models x samples); a run may make at most ${MAX_CALLS_PER_RUN}`,
        { details: [{ field: 'prompt_ids', message: 'too many calls for one run' }] },
      );
    }
    const sentiment = await sentimentChoice(tx, platform, ctx.orgId);
    await assertWithinLimit(
      tx,
      ctx.orgId,
      SCAN_ANSWER_METRIC,
      (t) => answersThisPeriod(t, ctx.orgId),
      totalCalls,
    );
    await assertLlmBudget(tx, ctx.orgId);
    const methodology: ScanMethodology = {
      model_set_id: set.id,
      model_set_name: set.name,
      models: set.models,
      samples_per_prompt: set.samplesPerPrompt,
      web_search: set.webSearch,
      prompts: prompts.map((p) => ({ id: p.id, text: p.text, topic: p.topic })),
      brands: brands.map((b) => ({ id: b.id, name: b.name, owned: b.owned })),
      concurrency_per_provider: platform.config.ai.concurrency ?? 8,
      sentiment_method: sentiment.method,
      sentiment_model: sentiment.model,
    };
    const [row] = await tx
      .insert(visibilityScanRuns)
      .values({
        orgId: ctx.orgId,
        projectId: input.project_id,
        modelSetId: set.id,
        scheduleId: options.scheduleId ?? null,
        totalCalls,
        methodology,
        createdBy: ctx.actor.id,
      })
      .returning();
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: SCAN_JOB,
      payload: { orgId: ctx.orgId, runId: row.id },
      idempotencyKey: `${SCAN_JOB}:${row.id}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    const [withJob] = await tx
      .update(visibilityScanRuns)
      .set({ jobId: job.id })
      .where(eq(visibilityScanRuns.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.scan_run.create',
      targetType: 'visibility_scan_run',
      targetId: row.id,
      after: {
        model_set_id: set.id,
        prompts: prompts.length,
        total_calls: totalCalls,
        schedule_id: options.scheduleId ?? null,
      },
    });
    return { row: withJob, jobId: job.id };
  });
  await platform.jobs.dispatch([created.jobId]);
  return created.row;
}

/** Stops a queued or running scan: calls in flight are aborted, answers already stored stay. */
export async function cancelScanRun(ctx: ServiceContext, platform: Platform, id: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const [run] = await tx
      .select()
      .from(visibilityScanRuns)
      .where(and(eq(visibilityScanRuns.orgId, ctx.orgId), eq(visibilityScanRuns.id, id)))
      .for('update');
    if (!run) throw notFound('Scan run');
    if (FINISHED.includes(run.status as ScanStatus)) {
      throw new AppError('CONFLICT', `This scan has already finished (${run.status})`);
    }
    const [updated] = await tx
      .update(visibilityScanRuns)
      .set({ status: 'CANCELLED', finishedAt: new Date() })
      .where(eq(visibilityScanRuns.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visibility.scan_run.cancel',
      targetType: 'visibility_scan_run',
      targetId: id,
      before: { status: run.status },
    });
    return updated;
  });
  if (row.jobId) await platform.jobs.cancel(ctx.orgId, row.jobId).catch(() => undefined);
  return row;
}
