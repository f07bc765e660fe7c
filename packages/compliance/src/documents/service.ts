import {
  AppError,
  assertQuota,
  notFound,
  type ObjectStorage,
  QUOTA_METRICS,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { projects, uuidv7 } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_MAX_DOCUMENT_BYTES, planOf } from '../limits.ts';
import { complianceDocuments } from '../schema.ts';
import type { createDocumentBody } from './contracts.ts';
import { originalKey } from './view.ts';

const UPLOAD_URL_SECONDS = 15 * 60;

export async function getDocument(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(complianceDocuments)
    .where(and(eq(complianceDocuments.orgId, ctx.orgId), eq(complianceDocuments.id, id)));
  if (!row) throw notFound('Document');
  return row;
}

/**
 * Step 1 of an upload (seed 002): record the document and hand out a presigned PUT for exactly the
 * declared size and type, so the file goes straight to storage. The size limit comes from the plan.
 */
export async function createUpload(
  ctx: ServiceContext,
  storage: ObjectStorage,
  input: z.infer<typeof createDocumentBody>,
) {
  const plan = await planOf(ctx.db, ctx.orgId);
  const maxBytes = plan.quotas['compliance.max_document_bytes'] ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (input.size_bytes > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Your plan accepts documents up to ${Math.floor(maxBytes / 1024 / 1024)} MB`,
      {
        details: [{ field: 'body.size_bytes', message: `at most ${maxBytes} bytes` }],
      },
    );
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.orgId, ctx.orgId), eq(projects.id, input.project_id)));
    if (!project) throw notFound('Project');
    await assertQuota(tx, ctx.orgId, QUOTA_METRICS.storageBytes, input.size_bytes);
    const id = uuidv7();
    const retention = plan.retentionDays;
    const [row] = await tx
      .insert(complianceDocuments)
      .values({
        id,
        orgId: ctx.orgId,
        projectId: input.project_id,
        filename: input.filename,
        declaredType: input.content_type,
        sizeBytes: input.size_bytes,
        storageKey: originalKey(ctx.orgId, id),
        uploadedBy: ctx.actor.id,
        expiresAt: retention ? new Date(Date.now() + retention * 86_400_000) : null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'compliance.document.create',
      targetType: 'compliance_document',
      targetId: id,
      after: { filename: input.filename, size_bytes: input.size_bytes },
    });
    return row;
  });
  const upload = await storage.presignPut(row.storageKey, {
    contentType: input.content_type,
    contentLength: input.size_bytes,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  return { row, upload };
}

/** Deletes the document, its files and (by cascade) its assessments. */
export async function deleteDocument(ctx: ServiceContext, storage: ObjectStorage, id: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(complianceDocuments)
      .where(and(eq(complianceDocuments.orgId, ctx.orgId), eq(complianceDocuments.id, id)))
      .returning();
    if (!row) throw notFound('Document');
    await recordAudit(tx, ctx, {
      action: 'compliance.document.delete',
      targetType: 'compliance_document',
      targetId: id,
      before: { filename: row.filename },
    });
    return row;
  });
  await storage.deletePrefix(`orgs/${ctx.orgId}/compliance/documents/${row.id}/`);
}
