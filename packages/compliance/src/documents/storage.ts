import type { ModuleStorage } from '@assay/core';
import { and, eq, sql } from 'drizzle-orm';
import { complianceDocuments } from '../schema.ts';

/** Uploaded documents (the original and what was extracted from it live under one prefix per document). */
export const complianceStorage: ModuleStorage = {
  async bytes(db, orgId) {
    const [row] = await db
      .select({
        bytes: sql<number>`coalesce(sum(${complianceDocuments.sizeBytes}), 0)::bigint`.mapWith(Number),
      })
      .from(complianceDocuments)
      .where(eq(complianceDocuments.orgId, orgId));
    return row?.bytes ?? 0;
  },
  async projectFiles(db, orgId, projectId) {
    const rows = await db
      .select({ id: complianceDocuments.id })
      .from(complianceDocuments)
      .where(and(eq(complianceDocuments.orgId, orgId), eq(complianceDocuments.projectId, projectId)));
    return rows.map((r) => `orgs/${orgId}/compliance/documents/${r.id}/`);
  },
};
