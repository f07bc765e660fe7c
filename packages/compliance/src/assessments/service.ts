import {
  AppError,
  assertLlmBudget,
  assertWithinLimit,
  currentPeriod,
  notFound,
  type Platform,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { jobs, usageEvents, uuidv7 } from '@assay/db';
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { resolveFrameworks } from '../frameworks-store.ts';
import { complianceAssessments, complianceDocuments } from '../schema.ts';
import { chooseEngine } from './engine-choice.ts';

/** The billable event of seed 002, one per completed assessment; the plan's monthly quota counts it. */
export const ASSESSMENT_USAGE_METRIC = 'assessment_completed';

export async function loadAssessment(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select({ assessment: complianceAssessments, job: jobs })
    .from(complianceAssessments)
    .leftJoin(jobs, eq(jobs.id, complianceAssessments.jobId))
    .where(and(eq(complianceAssessments.orgId, ctx.orgId), eq(complianceAssessments.id, id)));
  if (!row) throw notFound('Assessment');
  return { row: row.assessment, job: row.job ?? undefined };
}

/** Completed this month plus those still running: what a new assessment counts against. */
async function assessmentsThisPeriod(tx: ServiceContext['db'], orgId: string) {
  const { start } = currentPeriod();
  const [done] = await tx
    .select({ n: count() })
    .from(usageEvents)
    .where(
      and(
        eq(usageEvents.orgId, orgId),
        eq(usageEvents.metric, ASSESSMENT_USAGE_METRIC),
        gte(usageEvents.createdAt, start),
      ),
    );
  const [running] = await tx
    .select({ n: count() })
    .from(complianceAssessments)
    .where(
      and(eq(complianceAssessments.orgId, orgId), inArray(complianceAssessments.status, ['processing'])),
    );
  return Number(done.n) + Number(running.n);
}

/**
 * Accepts an assessment (202): the document must be processed, the frameworks known, and the plan's
 * monthly quota not used up. The work runs as a job on the long-running queue.
 */
export async function createAssessment(
  ctx: ServiceContext,
  platform: Platform,
  input: { document_id: string; frameworks: string[]; engine?: 'baseline' | 'llm' },
) {
  const frameworkIds = [...new Set(input.frameworks)];
  await resolveFrameworks(ctx.db, ctx.orgId, frameworkIds);
  const engine = await chooseEngine(ctx, platform, input.engine);
  const created = await ctx.db.transaction(async (tx) => {
    const [doc] = await tx
      .select()
      .from(complianceDocuments)
      .where(and(eq(complianceDocuments.orgId, ctx.orgId), eq(complianceDocuments.id, input.document_id)));
    if (!doc) throw notFound('Document');
    if (doc.status !== 'ready') {
      throw new AppError(
        'CONFLICT',
        doc.status === 'failed'
          ? `This document could not be read: ${doc.error}`
          : 'The document is still being processed; try again in a moment',
      );
    }
    await assertWithinLimit(tx, ctx.orgId, ASSESSMENT_USAGE_METRIC, (t) =>
      assessmentsThisPeriod(t, ctx.orgId),
    );
    if (engine === 'llm') await assertLlmBudget(tx, ctx.orgId);
    const id = uuidv7();
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: 'compliance.assess',
      payload: { orgId: ctx.orgId, assessmentId: id },
      idempotencyKey: `compliance.assess:${id}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    const [row] = await tx
      .insert(complianceAssessments)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: doc.projectId,
        documentId: doc.id,
        frameworks: frameworkIds,
        engine,
        jobId: job.id,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'compliance.assessment.create',
      targetType: 'compliance_assessment',
      targetId: id,
      after: { document_id: doc.id, frameworks: frameworkIds, engine },
    });
    return { row, job };
  });
  await platform.jobs.dispatch([created.job.id]);
  return { row: created.row, job: created.job };
}

/** Runs an assessment again on the same record with a new job; the result replaces the old one. */
export async function rerunAssessment(ctx: ServiceContext, platform: Platform, id: string) {
  const jobId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(complianceAssessments)
      .where(and(eq(complianceAssessments.orgId, ctx.orgId), eq(complianceAssessments.id, id)))
      .for('update');
    if (!row) throw notFound('Assessment');
    const [current] = row.jobId ? await tx.select().from(jobs).where(eq(jobs.id, row.jobId)) : [];
    if (current && ['queued', 'running', 'retrying'].includes(current.status)) {
      throw new AppError('CONFLICT', 'This assessment is still running');
    }
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: 'compliance.assess',
      payload: { orgId: ctx.orgId, assessmentId: id },
      idempotencyKey: `compliance.assess:${id}:${Date.now()}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    await tx
      .update(complianceAssessments)
      .set({ status: 'processing', error: null, jobId: job.id })
      .where(eq(complianceAssessments.id, id));
    await recordAudit(tx, ctx, {
      action: 'compliance.assessment.rerun',
      targetType: 'compliance_assessment',
      targetId: id,
    });
    return job.id;
  });
  await platform.jobs.dispatch([jobId]);
  return loadAssessment(ctx, id);
}
