import { defineJob, type Platform } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ExtractionError, extractDocument } from '../extract/index.ts';
import { complianceDocuments } from '../schema.ts';
import { extractedKey } from './view.ts';

/**
 * Turns an uploaded file into located text. A file that cannot be read (broken, encrypted, empty,
 * not a supported type) marks the document failed with the reason and its bytes are deleted, so no
 * half-processed document is left behind. Re-running overwrites the same extracted file.
 */
export const extractJob = (platform: Platform) =>
  defineJob({
    name: 'compliance.extract',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), documentId: z.uuid() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const where = and(
        eq(complianceDocuments.orgId, payload.orgId),
        eq(complianceDocuments.id, payload.documentId),
      );
      const [row] = await ctx.db.select().from(complianceDocuments).where(where);
      if (row?.status !== 'processing') return { skipped: true };
      const bytes = await platform.storage.getBuffer(row.storageKey);
      await ctx.progress(10);
      try {
        const doc = await extractDocument(bytes, { declaredType: row.declaredType, signal: ctx.signal });
        await platform.storage.put(extractedKey(row.orgId, row.id), JSON.stringify(doc), {
          contentType: 'application/json',
        });
        await ctx.progress(90);
        return ctx.complete(async (tx) => {
          await tx
            .update(complianceDocuments)
            .set({
              status: 'ready',
              format: doc.format,
              pageCount: doc.pageCount ?? null,
              textChars: doc.text.length,
              title: doc.title ?? null,
            })
            .where(where);
          return { format: doc.format, blocks: doc.blocks.length };
        });
      } catch (error) {
        if (!(error instanceof ExtractionError)) throw error;
        await platform.storage.delete(row.storageKey);
        return ctx.complete(async (tx) => {
          await tx
            .update(complianceDocuments)
            .set({ status: 'failed', error: error.message, errorReason: error.reason })
            .where(where);
          return { failed: error.reason };
        });
      }
    },
  });
