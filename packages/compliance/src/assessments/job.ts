import { chargeUsage, defineJob, emitEvent, getAiSettings, type Platform } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ExtractedDocument } from '../document.ts';
import { extractedKey } from '../documents/view.ts';
import { resolveFrameworks } from '../frameworks-store.ts';
import { assessWithLlm } from '../llm/engine.ts';
import { complianceAssessments, complianceDocuments } from '../schema.ts';
import { runAssessment } from './run.ts';
import { ASSESSMENT_USAGE_METRIC } from './service.ts';

/**
 * Assesses a document on the long-running queue. The result, the completion and the billable usage
 * event commit in one transaction, fenced on this run: a redelivered or retried run cannot record twice.
 */
export const assessJob = (platform: Platform) =>
  defineJob({
    name: 'compliance.assess',
    queue: 'long-running',
    payload: z.object({ orgId: z.uuid(), assessmentId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const where = and(
        eq(complianceAssessments.orgId, payload.orgId),
        eq(complianceAssessments.id, payload.assessmentId),
      );
      const [row] = await ctx.db
        .select({ a: complianceAssessments, storageKey: complianceDocuments.storageKey })
        .from(complianceAssessments)
        .innerJoin(complianceDocuments, eq(complianceDocuments.id, complianceAssessments.documentId))
        .where(where);
      if (!row) return { skipped: 'assessment deleted' };
      const started = Date.now();
      const doc = JSON.parse(
        (await platform.storage.getBuffer(extractedKey(payload.orgId, row.a.documentId))).toString('utf8'),
      ) as ExtractedDocument;
      await ctx.progress(5);
      const frameworks = await resolveFrameworks(ctx.db, payload.orgId, row.a.frameworks);
      const { model } = await getAiSettings(ctx.db, payload.orgId);
      const result = await runAssessment(doc, frameworks, {
        engine: row.a.engine as 'baseline' | 'llm',
        signal: ctx.signal,
        llm: (framework, index) =>
          assessWithLlm(
            {
              ai: platform.ai,
              orgId: payload.orgId,
              jobId: ctx.jobId,
              model: model ?? undefined,
              signal: ctx.signal,
            },
            doc,
            index,
            framework,
          ),
        onProgress: (fraction) => ctx.progress(Math.min(95, 5 + Math.round(fraction * 90))),
      });
      const deliveries: string[] = [];
      const completed = await ctx.complete(async (tx) => {
        await tx
          .update(complianceAssessments)
          .set({
            status: 'completed',
            findings: result.findings,
            summary: result.summary,
            error: null,
            durationMs: Date.now() - started,
            completedAt: new Date(),
          })
          .where(where);
        await chargeUsage(tx, {
          orgId: payload.orgId,
          metric: ASSESSMENT_USAGE_METRIC,
          refType: 'compliance_assessment',
          refId: payload.assessmentId,
          enforce: false,
        });
        const event = await emitEvent(tx, {
          orgId: payload.orgId,
          type: 'assessment.completed',
          data: {
            assessment_id: payload.assessmentId,
            project_id: row.a.projectId,
            document_id: row.a.documentId,
            frameworks: row.a.frameworks,
            engine: row.a.engine,
            findings: result.findings.length,
            coverage: result.summary.overall.coverage,
            by_status: result.summary.overall.byStatus,
            links: { api: `/v1/assessments/${payload.assessmentId}` },
          },
          dedupeKey: `assessment.completed:${ctx.jobId}`,
        });
        deliveries.push(...event.jobIds);
        return { findings: result.findings.length, summary: result.summary };
      });
      await platform.jobs.dispatch(deliveries);
      return completed;
    },
  });
