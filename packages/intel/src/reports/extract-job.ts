import {
  chunksOf,
  defineJob,
  engineForModule,
  getAiSettings,
  llmBudgetLeft,
  type Platform,
  SYSTEM_ACTOR,
} from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { loadAttackCatalog } from '../attack-import/catalog.ts';
import { extractReport } from '../engine/index.ts';
import { emitReportProcessed } from '../events.ts';
import { augmentWithLlm } from '../llm/augment.ts';
import { intelReports, intelReviewItems } from '../schema.ts';
import { getIntelSettings } from '../settings/service.ts';
import { ReportSourceError, readReportSource } from './read-source.ts';
import { applyDecisions } from './review.ts';
import { stageExtraction } from './stage.ts';

const hostOf = (url: string | null | undefined) => {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Reads a report (fetching or extracting it as needed), runs the extraction engine with the current
 * ATT&CK catalogue, and stages every finding for review, on the long-running queue. Items at or
 * above the organization's auto-accept threshold (and without false-positive warnings) merge at once.
 * Staging, auto-merge and completion commit together; a rerun stages nothing twice.
 */
export const extractJob = (platform: Platform) =>
  defineJob({
    name: 'intel.extract',
    queue: 'long-running',
    payload: z.object({ orgId: z.uuid(), reportId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const where = and(eq(intelReports.orgId, payload.orgId), eq(intelReports.id, payload.reportId));
      const [row] = await ctx.db.select().from(intelReports).where(where);
      if (row?.status !== 'processing') return { skipped: true };
      let source: Awaited<ReturnType<typeof readReportSource>>;
      try {
        source = await readReportSource(platform, row, ctx.signal);
      } catch (error) {
        if (!(error instanceof ReportSourceError)) throw error;
        return ctx.complete(async (tx) => {
          await tx
            .update(intelReports)
            .set({ status: 'failed', error: error.message, processedAt: new Date() })
            .where(where);
          return { failed: error.message };
        });
      }
      await ctx.progress(30);
      const settings = await getIntelSettings(ctx.db, payload.orgId);
      const catalog = await loadAttackCatalog(ctx.db);
      const publisher = hostOf(source.finalUrl ?? row.sourceUrl);
      const baseline = extractReport(source.text, {
        catalog,
        publisherDomains: [...settings.publisher_domains, ...(publisher ? [publisher] : [])],
      });
      // With a language model configured (and chosen), it adds what names alone miss; every claim is checked.
      let extraction = baseline;
      let method = 'baseline';
      const ai = await getAiSettings(ctx.db, payload.orgId);
      // Past the plan's AI budget the report is still processed, by the baseline engine alone.
      if (
        engineForModule(ai, 'intel', platform.ai.available(ai.model ?? undefined)) === 'llm' &&
        (await llmBudgetLeft(ctx.db, payload.orgId))
      ) {
        try {
          const call = {
            orgId: payload.orgId,
            jobId: ctx.jobId,
            model: ai.model ?? undefined,
            signal: ctx.signal,
          };
          extraction = (await augmentWithLlm(platform.ai, call, source.text, baseline, catalog)).extraction;
          method = 'llm';
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          ctx.logger.warn(
            { err: error, reportId: row.id },
            'intel: language model unavailable, baseline only',
          );
        }
      }
      const staged = stageExtraction(payload.orgId, row.id, extraction);
      await ctx.progress(70);
      return ctx.complete(async (tx) => {
        await tx
          .update(intelReports)
          .set({
            body: source.text,
            format: source.format,
            title: row.source === 'url' && source.title ? source.title.slice(0, 300) : row.title,
            method,
            status: 'review',
            error: null,
            processedAt: new Date(),
          })
          .where(where);
        for (const chunk of chunksOf(staged, 500))
          await tx.insert(intelReviewItems).values(chunk).onConflictDoNothing();
        const threshold = settings.auto_accept_threshold;
        const auto =
          threshold === null
            ? []
            : await tx
                .select({
                  id: intelReviewItems.id,
                  confidence: intelReviewItems.confidence,
                  warnings: intelReviewItems.warnings,
                })
                .from(intelReviewItems)
                .where(and(eq(intelReviewItems.reportId, row.id), eq(intelReviewItems.status, 'pending')));
        const result = await applyDecisions(
          tx,
          {
            orgId: payload.orgId,
            actor: SYSTEM_ACTOR,
            role: null,
            meta: { ip: null, userAgent: 'intel.extract', traceId: null },
          },
          row.id,
          {
            decisions: auto
              .filter((i) => threshold !== null && i.confidence >= threshold && i.warnings.length === 0)
              .map((i) => ({ item_id: i.id, action: 'accept' as const })),
          },
          catalog,
          { audit: false },
        );
        const count = (kind: string) => staged.filter((i) => i.kind === kind).length;
        await emitReportProcessed(tx, row, {
          indicators: count('indicator'),
          techniques: count('technique'),
          actors: count('actor'),
        });
        return { staged: staged.length, auto_accepted: result.accepted, pending: result.pending };
      });
    },
  });
