import type { Db } from '@assay/db';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { indexCatalog } from '../attack/search.ts';
import { loadAttackCatalog } from '../attack-import/catalog.ts';
import { intelActors, intelEvidence, intelIndicators, intelRelationships, intelReports } from '../schema.ts';

export const sourceView = z.object({
  report_id: z.uuid(),
  report_title: z.string(),
  sentence: z.string(),
  linked_at: z.string(),
});

export const relationshipView = z.object({
  id: z.uuid(),
  type: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ type: z.string(), ref: z.string(), name: z.string() }),
  confidence: z.number().int(),
  sightings: z.number().int(),
  first_seen: z.string(),
  last_seen: z.string(),
  evidence: z.array(z.object({ report_id: z.uuid(), sentence: z.string() })),
});

/** The reports (and sentences) an indicator, actor or relationship was accepted from. */
export async function sourcesOf(db: Db, orgId: string, entityType: string, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db
    .select({
      entityId: intelEvidence.entityId,
      report_id: intelEvidence.reportId,
      report_title: intelReports.title,
      sentence: intelEvidence.sentence,
      linkedAt: intelEvidence.createdAt,
    })
    .from(intelEvidence)
    .innerJoin(intelReports, and(eq(intelReports.id, intelEvidence.reportId), eq(intelReports.orgId, orgId)))
    .where(
      and(
        eq(intelEvidence.orgId, orgId),
        eq(intelEvidence.entityType, entityType),
        inArray(intelEvidence.entityId, entityIds),
      ),
    )
    .orderBy(desc(intelEvidence.createdAt))
    .limit(500);
}

/** Names for the far ends of relationships: indicator values, actor names, ATT&CK names, report titles. */
async function nameRefs(db: Db, orgId: string, refs: { type: string; ref: string }[]) {
  const names = new Map<string, string>();
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.ref))];
  const indicators = ids('indicator');
  if (indicators.length)
    for (const r of await db
      .select({ id: intelIndicators.id, value: intelIndicators.value })
      .from(intelIndicators)
      .where(and(eq(intelIndicators.orgId, orgId), inArray(intelIndicators.id, indicators))))
      names.set(`indicator:${r.id}`, r.value);
  const actors = ids('actor');
  if (actors.length)
    for (const r of await db
      .select({ id: intelActors.id, name: intelActors.name })
      .from(intelActors)
      .where(and(eq(intelActors.orgId, orgId), inArray(intelActors.id, actors))))
      names.set(`actor:${r.id}`, r.name);
  const reports = ids('report');
  if (reports.length)
    for (const r of await db
      .select({ id: intelReports.id, title: intelReports.title })
      .from(intelReports)
      .where(and(eq(intelReports.orgId, orgId), inArray(intelReports.id, reports))))
      names.set(`report:${r.id}`, r.title);
  const catalog = await loadAttackCatalog(db);
  const index = catalog ? indexCatalog(catalog) : undefined;
  for (const r of refs)
    if (!names.has(`${r.type}:${r.ref}`))
      names.set(`${r.type}:${r.ref}`, index?.get(r.ref)?.object.name ?? r.ref);
  return names;
}

/** Every relationship with `ref` at either end, with the other end named and the evidence sentences. */
export async function relationshipsOf(db: Db, orgId: string, type: string, ref: string) {
  const t = intelRelationships;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        eq(t.orgId, orgId),
        or(
          and(eq(t.sourceType, type), eq(t.sourceRef, ref)),
          and(eq(t.targetType, type), eq(t.targetRef, ref)),
        ),
      ),
    )
    .orderBy(desc(t.lastSeen))
    .limit(500);
  const others = rows.map((r) =>
    r.sourceType === type && r.sourceRef === ref
      ? { type: r.targetType, ref: r.targetRef }
      : { type: r.sourceType, ref: r.sourceRef },
  );
  const names = await nameRefs(db, orgId, others);
  const evidence = await sourcesOf(
    db,
    orgId,
    'relationship',
    rows.map((r) => r.id),
  );
  return rows.map((r, i) => ({
    id: r.id,
    type: r.type,
    direction: (r.sourceType === type && r.sourceRef === ref ? 'outgoing' : 'incoming') as
      | 'outgoing'
      | 'incoming',
    other: { ...others[i], name: names.get(`${others[i].type}:${others[i].ref}`) ?? others[i].ref },
    confidence: r.confidence,
    sightings: r.sightings,
    first_seen: r.firstSeen.toISOString(),
    last_seen: r.lastSeen.toISOString(),
    evidence: evidence
      .filter((e) => e.entityId === r.id)
      .slice(0, 5)
      .map((e) => ({ report_id: e.report_id, sentence: e.sentence })),
  }));
}

export const toSourceView = (s: Awaited<ReturnType<typeof sourcesOf>>[number]) => ({
  report_id: s.report_id,
  report_title: s.report_title,
  sentence: s.sentence,
  linked_at: s.linkedAt.toISOString(),
});
