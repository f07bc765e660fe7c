import { notFound, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import type { Db } from '@assay/db';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { intelActors, intelEvidence, intelIndicators, intelRelationships, intelReports } from '../schema.ts';

const TABLES = { indicator: intelIndicators, actor: intelActors, relationship: intelRelationships } as const;

/**
 * Recounts sightings of knowledge rows from their remaining provenance and removes rows no report
 * supports any more (with the relationships that point at them).
 */
async function recount(tx: Db, orgId: string, affected: Map<string, string[]>) {
  const gone: string[] = [];
  for (const [type, table] of Object.entries(TABLES)) {
    const ids = affected.get(type) ?? [];
    if (ids.length === 0) continue;
    await tx
      .update(table)
      .set({
        sightings: sql`(select count(*)::int from intel_evidence e where e.org_id = ${orgId} and e.entity_type = ${type} and e.entity_id = ${table.id})`,
      })
      .where(and(eq(table.orgId, orgId), inArray(table.id, ids)));
    const removed = await tx
      .delete(table)
      .where(and(eq(table.orgId, orgId), inArray(table.id, ids), eq(table.sightings, 0)))
      .returning({ id: table.id });
    if (type !== 'relationship') gone.push(...removed.map((r) => r.id));
  }
  if (gone.length) {
    await tx
      .delete(intelRelationships)
      .where(
        and(
          eq(intelRelationships.orgId, orgId),
          or(inArray(intelRelationships.sourceRef, gone), inArray(intelRelationships.targetRef, gone)),
        ),
      );
  }
}

/**
 * Deletes a report, its staged items, its file and its provenance. Knowledge it alone supported goes
 * with it; knowledge other reports also support stays, one sighting fewer.
 */
export async function deleteReport(ctx: ServiceContext, platform: Platform, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(intelReports)
      .where(and(eq(intelReports.orgId, ctx.orgId), eq(intelReports.id, id)))
      .for('update');
    if (!row) throw notFound('Report');
    const evidence = await tx
      .select({ type: intelEvidence.entityType, id: intelEvidence.entityId })
      .from(intelEvidence)
      .where(and(eq(intelEvidence.orgId, ctx.orgId), eq(intelEvidence.reportId, id)));
    const affected = new Map<string, string[]>();
    for (const e of evidence) affected.set(e.type, [...(affected.get(e.type) ?? []), e.id]);
    await tx.delete(intelReports).where(eq(intelReports.id, id)); // items and evidence cascade
    await recount(tx, ctx.orgId, affected);
    await recordAudit(tx, ctx, {
      action: 'intel.report.delete',
      targetType: 'intel_report',
      targetId: id,
      before: { title: row.title, source: row.source },
    });
  });
  await platform.storage.deletePrefix(`orgs/${ctx.orgId}/intel/reports/${id}/`);
}
