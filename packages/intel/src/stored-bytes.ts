import type { Db } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { intelArtifacts } from './agents/schema.ts';
import { intelReports } from './schema.ts';
import { intelYaraScans } from './yara/schema.ts';

/** Uploaded reports, files sent for YARA scans and the artifacts agents wrote. */
export async function intelStoredBytes(db: Db, orgId: string): Promise<number> {
  let total = 0;
  for (const table of [intelReports, intelYaraScans, intelArtifacts]) {
    const [row] = await db
      .select({ bytes: sql<number>`coalesce(sum(${table.sizeBytes}), 0)::bigint`.mapWith(Number) })
      .from(table)
      .where(eq(table.orgId, orgId));
    total += row?.bytes ?? 0;
  }
  return total;
}
