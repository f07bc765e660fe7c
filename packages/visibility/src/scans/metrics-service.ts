import { AppError, type ServiceContext } from '@assay/core';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { type AnswerExtraction, computeMetrics, METRIC_DEFINITIONS } from '../engine/index.ts';
import { loadBrands, SENTIMENT_METHOD } from './extract.ts';

const methodsLabel = (methods: Set<string>) =>
  methods.size === 0 ? SENTIMENT_METHOD : methods.size === 1 ? [...methods][0] : 'mixed';

import type { metricsQuery } from './metrics-contracts.ts';
import { assertProject } from './project.ts';
import { visibilityAnswers as a, visibilityPrompts, visibilityScanRuns } from './schema.ts';

export const MAX_METRIC_ANSWERS = 50_000;
const DAY = 86_400_000;

export async function projectMetrics(ctx: ServiceContext, q: z.infer<typeof metricsQuery>) {
  await assertProject(ctx.db, ctx.orgId, q.project_id);
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY);
  if (from >= to) {
    throw new AppError('VALIDATION_ERROR', '`from` must be before `to`', {
      details: [{ field: 'from', message: 'after to' }],
    });
  }
  const where = and(
    eq(a.orgId, ctx.orgId),
    eq(a.projectId, q.project_id),
    gte(a.sampledAt, from),
    lt(a.sampledAt, to),
    q.run_id ? eq(a.runId, q.run_id) : undefined,
    q.model ? eq(a.model, q.model) : undefined,
    q.prompt_id ? eq(a.promptId, q.prompt_id) : undefined,
    q.topic ? eq(a.topic, q.topic) : undefined,
    q.imported === 'include' ? undefined : eq(a.imported, q.imported === 'only'),
  );
  const rows = await ctx.db
    .select({
      id: a.id,
      promptId: a.promptId,
      promptText: a.promptText,
      topic: a.topic,
      model: a.model,
      sampledAt: a.sampledAt,
      imported: a.imported,
      runId: a.runId,
      webSearch: a.webSearch,
      sentimentMethod: a.sentimentMethod,
      extraction: a.extraction,
    })
    .from(a)
    .where(where)
    .limit(MAX_METRIC_ANSWERS + 1);
  if (rows.length > MAX_METRIC_ANSWERS) {
    throw new AppError(
      'VALIDATION_ERROR',
      `More than ${MAX_METRIC_ANSWERS} answers in range; narrow from/to or filter by model or prompt`,
      {
        details: [{ field: 'from', message: 'range too large' }],
      },
    );
  }
  const brands = await loadBrands(ctx.db, ctx.orgId, q.project_id);
  const metrics = computeMetrics(
    rows.map((r) => ({
      answer_id: r.id,
      prompt_id: r.promptId ?? `text:${r.promptText}`,
      topic: r.topic,
      model: r.model,
      sampled_at: r.sampledAt,
      imported: r.imported,
      extraction: r.extraction as AnswerExtraction,
    })),
    brands.map((b) => ({ id: b.id, owned: b.owned })),
    { bucket: q.bucket, lowSampleThreshold: q.low_sample_threshold, imported: 'include' },
  );
  const runIds = [...new Set(rows.flatMap((r) => (r.runId ? [r.runId] : [])))];
  const runs = runIds.length
    ? await ctx.db
        .select({ id: visibilityScanRuns.id, methodology: visibilityScanRuns.methodology })
        .from(visibilityScanRuns)
        .where(and(eq(visibilityScanRuns.orgId, ctx.orgId), inArray(visibilityScanRuns.id, runIds)))
    : [];
  const usedRuns = runs;
  const scanned = rows.filter((r) => !r.imported);
  const search = new Set(scanned.map((r) => r.webSearch));
  const promptRows = await ctx.db
    .select({ id: visibilityPrompts.id, text: visibilityPrompts.text, topic: visibilityPrompts.topic })
    .from(visibilityPrompts)
    .where(and(eq(visibilityPrompts.orgId, ctx.orgId), eq(visibilityPrompts.projectId, q.project_id)));
  const used = new Set(rows.map((r) => r.promptId));
  return {
    methodology: {
      from: from.toISOString(),
      to: to.toISOString(),
      answers: rows.length,
      scanned_answers: scanned.length,
      imported_answers: rows.length - scanned.length,
      runs: runIds.length,
      models: [...new Set(rows.map((r) => r.model))].sort(),
      samples_per_prompt: [...new Set(usedRuns.map((r) => r.methodology.samples_per_prompt))].sort(
        (x, y) => x - y,
      ),
      web_search: (search.size === 0
        ? 'n/a'
        : search.size === 2
          ? 'mixed'
          : search.has(true)
            ? 'on'
            : 'off') as 'on',
      sentiment_method: methodsLabel(new Set(rows.map((r) => r.sentimentMethod))),
      low_sample_threshold: q.low_sample_threshold,
      confidence_level: 0.95 as const,
      interval: 'wilson' as const,
    },
    definitions: [...METRIC_DEFINITIONS],
    brands: brands.map((b) => ({ id: b.id, name: b.name, owned: b.owned })),
    ...metrics,
    prompts: promptRows.filter((p) => used.has(p.id)),
  };
}
