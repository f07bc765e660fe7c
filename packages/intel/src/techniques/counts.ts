import type { Db } from '@assay/db';
import { and, eq, sql } from 'drizzle-orm';
import { intelRelationships } from '../schema.ts';

/**
 * Per ATT&CK id of `kind` (technique, tactic, software): how many of the organization's reports
 * mention it and how many of its actors use it.
 */
export async function seenCounts(db: Db, orgId: string, kind = 'technique') {
  const t = intelRelationships;
  const rows = await db
    .select({
      ref: t.targetRef,
      reports: sql<number>`count(*) filter (where ${t.sourceType} = 'report' and ${t.type} = 'mentions')::int`,
      actors: sql<number>`count(*) filter (where ${t.sourceType} = 'actor' and ${t.type} = 'uses')::int`,
      lastSeen: sql<Date>`max(${t.lastSeen})`,
    })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.targetType, kind)))
    .groupBy(t.targetRef);
  return new Map(
    rows.map((r) => [r.ref, { reports: r.reports, actors: r.actors, lastSeen: new Date(r.lastSeen) }]),
  );
}
