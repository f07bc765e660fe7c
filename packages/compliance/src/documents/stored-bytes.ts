import type { Db } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { complianceDocuments } from '../schema.ts';

/** Uploaded documents, counted from the moment their upload is accepted until they are purged. */
export async function complianceStoredBytes(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({
      bytes: sql<number>`coalesce(sum(${complianceDocuments.sizeBytes}), 0)::bigint`.mapWith(Number),
    })
    .from(complianceDocuments)
    .where(eq(complianceDocuments.orgId, orgId));
  return row?.bytes ?? 0;
}
