import type { ModuleStorage } from '@assay/core';
import { and, eq, sql } from 'drizzle-orm';
import { intelArtifacts } from './agents/schema.ts';
import { intelReports } from './schema.ts';
import { intelYaraScans } from './yara/schema.ts';

/**
 * Uploaded reports, files sent for YARA scans and the artifacts agents wrote. A deleted project takes
 * its scans and artifacts with it; reports outlive it (their project is unset), and so do their files.
 */
export const intelStorage: ModuleStorage = {
  async bytes(db, orgId) {
    let total = 0;
    for (const table of [intelReports, intelYaraScans, intelArtifacts]) {
      const [row] = await db
        .select({ bytes: sql<number>`coalesce(sum(${table.sizeBytes}), 0)::bigint`.mapWith(Number) })
        .from(table)
        .where(eq(table.orgId, orgId));
      total += row?.bytes ?? 0;
    }
    return total;
  },
  async projectFiles(db, orgId, projectId) {
    const keys: string[] = [];
    for (const table of [intelYaraScans, intelArtifacts]) {
      const rows = await db
        .select({ key: table.storageKey })
        .from(table)
        .where(and(eq(table.orgId, orgId), eq(table.projectId, projectId)));
      keys.push(...rows.map((r) => r.key));
    }
    return keys;
  },
};
