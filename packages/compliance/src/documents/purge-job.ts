import { defineJob, NO_META, type Platform, recordAudit, SYSTEM_ACTOR } from '@assay/core';
import { and, eq, isNotNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { complianceDocuments } from '../schema.ts';

const BATCH = 200;

/** Uploads never completed (the file never arrived) are cleared after a day. */
const ABANDONED_AFTER_MS = 86_400_000;

/**
 * Daily: documents past their plan's retention, and uploads abandoned before their file arrived, are
 * deleted with their files and assessments.
 */
export const purgeJob = (platform: Platform) =>
  defineJob({
    name: 'compliance.purge',
    queue: 'scheduled',
    payload: z.object({}).passthrough(),
    maxAttempts: 3,
    async handler(_payload, ctx) {
      let purged = 0;
      for (;;) {
        const expired = await ctx.db
          .select({
            id: complianceDocuments.id,
            orgId: complianceDocuments.orgId,
            filename: complianceDocuments.filename,
          })
          .from(complianceDocuments)
          .where(
            or(
              and(isNotNull(complianceDocuments.expiresAt), lte(complianceDocuments.expiresAt, new Date())),
              and(
                eq(complianceDocuments.status, 'awaiting_upload'),
                lte(complianceDocuments.createdAt, new Date(Date.now() - ABANDONED_AFTER_MS)),
              ),
            ),
          )
          .limit(BATCH);
        for (const doc of expired) {
          // The row goes first: a file left by a failed delete is harmless, a row without its file is not.
          await ctx.db.transaction(async (tx) => {
            await tx.delete(complianceDocuments).where(eq(complianceDocuments.id, doc.id));
            await recordAudit(
              tx,
              { orgId: doc.orgId, actor: SYSTEM_ACTOR, role: null, meta: NO_META },
              {
                action: 'compliance.document.purge',
                targetType: 'compliance_document',
                targetId: doc.id,
                before: { filename: doc.filename },
              },
            );
          });
          await platform.storage.deletePrefix(`orgs/${doc.orgId}/compliance/documents/${doc.id}/`);
          purged++;
        }
        if (expired.length < BATCH || ctx.signal.aborted) return { purged };
      }
    },
  });
