import {
  AppError,
  assertPublicUrl,
  assertQuota,
  assertUploaded,
  chargeUsage,
  notFound,
  type Platform,
  QUOTA_METRICS,
  recordAudit,
  SafeFetchError,
  type ServiceContext,
} from '@assay/core';
import { type Db, projects, uuidv7 } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { intelReports } from '../schema.ts';
import { getIntelSettings } from '../settings/service.ts';
import type { CreateReportInput, createUploadBody } from './contracts.ts';
import { originalKey } from './view.ts';

/** The billable event of the intel module: one per report accepted for ingestion. */
export const REPORT_USAGE_METRIC = QUOTA_METRICS.reportsIngested;
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const UPLOAD_URL_SECONDS = 15 * 60;

export async function getReport(ctx: Pick<ServiceContext, 'db' | 'orgId'>, id: string) {
  const [row] = await ctx.db
    .select()
    .from(intelReports)
    .where(and(eq(intelReports.orgId, ctx.orgId), eq(intelReports.id, id)));
  if (!row) throw notFound('Report');
  return row;
}

async function checkProject(tx: Db, orgId: string, projectId: string) {
  const [p] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.orgId, orgId), eq(projects.id, projectId)));
  if (!p) throw notFound('Project');
}

function enqueueExtract(platform: Platform, tx: Db, ctx: ServiceContext, reportId: string) {
  return platform.jobs.enqueue(tx, {
    orgId: ctx.orgId,
    name: 'intel.extract',
    payload: { orgId: ctx.orgId, reportId },
    idempotencyKey: `intel.extract:${reportId}`,
    createdBy: ctx.actor.id ?? undefined,
  });
}

const titleFromText = (text: string) =>
  (
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'Untitled report'
  )
    .replace(/^#+\s*/, '')
    .slice(0, 200);

/**
 * Accepts a pasted report or a report URL (202): the row, its usage charge, its audit entry and the
 * extraction job commit together. A URL is checked before anything is written: private, loopback
 * and reserved addresses are refused unless the operator allows them.
 */
export async function createReport(ctx: ServiceContext, platform: Platform, input: CreateReportInput) {
  let sourceUrl: string | null = null;
  if (input.source === 'url') {
    try {
      sourceUrl = (
        await assertPublicUrl(input.url, { allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE })
      ).toString();
    } catch (error) {
      if (!(error instanceof SafeFetchError)) throw error;
      throw new AppError('VALIDATION_ERROR', `This URL cannot be fetched: ${error.message}`, {
        details: [{ field: 'body.url', message: error.message }],
      });
    }
  }
  const settings = await getIntelSettings(ctx.db, ctx.orgId);
  const created = await ctx.db.transaction(async (tx) => {
    await checkProject(tx, ctx.orgId, input.project_id);
    const id = uuidv7();
    await chargeUsage(tx, {
      orgId: ctx.orgId,
      metric: REPORT_USAGE_METRIC,
      refType: 'intel_report',
      refId: id,
    });
    const job = await enqueueExtract(platform, tx, ctx, id);
    const [row] = await tx
      .insert(intelReports)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: input.project_id,
        source: input.source,
        title: input.title ?? (input.source === 'text' ? titleFromText(input.text) : (sourceUrl as string)),
        sourceUrl,
        body: input.source === 'text' ? input.text : null,
        format: input.source === 'text' ? 'text' : null,
        status: 'processing',
        tlp: input.tlp ?? settings.default_tlp,
        jobId: job.id,
        createdBy: ctx.actor.id,
        createdAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.report.create',
      targetType: 'intel_report',
      targetId: id,
      after: { source: input.source, title: row.title, url: sourceUrl },
    });
    return { row, jobId: job.id };
  });
  await platform.jobs.dispatch([created.jobId]);
  return created.row;
}

/** Step 1 of an upload: the report row and a presigned PUT for exactly the declared size and type. */
export async function createUpload(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createUploadBody>,
) {
  if (input.size_bytes > MAX_UPLOAD_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Reports can be up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, {
      details: [{ field: 'body.size_bytes', message: `at most ${MAX_UPLOAD_BYTES} bytes` }],
    });
  }
  const settings = await getIntelSettings(ctx.db, ctx.orgId);
  const row = await ctx.db.transaction(async (tx) => {
    await checkProject(tx, ctx.orgId, input.project_id);
    await assertQuota(tx, ctx.orgId, QUOTA_METRICS.storageBytes, input.size_bytes);
    const id = uuidv7();
    const [row] = await tx
      .insert(intelReports)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: input.project_id,
        source: 'upload',
        title: input.title ?? input.filename,
        filename: input.filename,
        declaredType: input.content_type,
        sizeBytes: input.size_bytes,
        storageKey: originalKey(ctx.orgId, id),
        status: 'awaiting_upload',
        tlp: input.tlp ?? settings.default_tlp,
        createdBy: ctx.actor.id,
        createdAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.report.upload_start',
      targetType: 'intel_report',
      targetId: id,
      after: { filename: input.filename, size_bytes: input.size_bytes },
    });
    return row;
  });
  const upload = await platform.storage.presignPut(row.storageKey as string, {
    contentType: input.content_type,
    contentLength: input.size_bytes,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  return { row, upload };
}

/** Step 2: the file is in storage; charge the ingestion and queue extraction. Safe to call twice. */
export async function confirmUpload(ctx: ServiceContext, platform: Platform, id: string) {
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(intelReports)
      .where(and(eq(intelReports.orgId, ctx.orgId), eq(intelReports.id, id)))
      .for('update');
    if (!row) throw notFound('Report');
    if (row.status !== 'awaiting_upload') return { row, jobId: null };
    await assertUploaded(platform.storage, row.storageKey as string, row.sizeBytes);
    await chargeUsage(tx, {
      orgId: ctx.orgId,
      metric: REPORT_USAGE_METRIC,
      refType: 'intel_report',
      refId: id,
    });
    const job = await enqueueExtract(platform, tx, ctx, id);
    const [updated] = await tx
      .update(intelReports)
      .set({ status: 'processing', jobId: job.id })
      .where(eq(intelReports.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'intel.report.upload', targetType: 'intel_report', targetId: id });
    return { row: updated, jobId: job.id };
  });
  if (result.jobId) await platform.jobs.dispatch([result.jobId]);
  return result.row;
}
