import { assertUploaded, notFound, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { complianceDocuments } from '../schema.ts';

/**
 * Step 2 of an upload: the file is in storage; check it and queue text extraction. Confirming twice
 * is harmless: a document already processing or processed is returned as it is.
 */
export async function confirmUpload(ctx: ServiceContext, platform: Platform, id: string) {
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(complianceDocuments)
      .where(and(eq(complianceDocuments.orgId, ctx.orgId), eq(complianceDocuments.id, id)))
      .for('update');
    if (!row) throw notFound('Document');
    if (row.status !== 'awaiting_upload') return { row, jobId: null };
    await assertUploaded(platform.storage, row.storageKey, row.sizeBytes);
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: 'compliance.extract',
      payload: { orgId: ctx.orgId, documentId: id },
      idempotencyKey: `compliance.extract:${id}`,
      createdBy: ctx.actor.id ?? undefined,
    });
    const [updated] = await tx
      .update(complianceDocuments)
      .set({ status: 'processing' })
      .where(eq(complianceDocuments.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'compliance.document.upload',
      targetType: 'compliance_document',
      targetId: id,
    });
    return { row: updated, jobId: job.id };
  });
  if (result.jobId) await platform.jobs.dispatch([result.jobId]);
  return result.row;
}
