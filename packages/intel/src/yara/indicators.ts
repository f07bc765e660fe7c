import type { Db } from '@assay/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { INDICATOR_TYPES } from '../engine/types.ts';
import { indicatorId, relationshipId } from '../knowledge/ids.ts';
import { intelIndicators, intelRelationships, intelYaraRuleSets } from '../schema.ts';

/**
 * YARA rules join the organization's knowledge as indicators of type `yara` (value = rule name),
 * each linked to the rule sets defining it by a `defined-in` relationship. The same rule name in two
 * sets is one indicator with two links; its `sightings` counts the sets. An indicator whose last
 * set is gone is removed: YARA indicators exist only through their rules.
 */
export const YARA_TYPE = 'yara';
/** Indicator types the knowledge holds beyond what the extraction engine finds in text. */
export const KNOWLEDGE_ONLY_INDICATOR_TYPES = [YARA_TYPE] as const;
/** Every type an indicator row of the knowledge can have. */
export const KNOWLEDGE_INDICATOR_TYPES = [...INDICATOR_TYPES, ...KNOWLEDGE_ONLY_INDICATOR_TYPES] as const;
const LINK = 'defined-in';
const TARGET = 'yara_rule_set';

export const yaraIndicatorId = (orgId: string, ruleName: string) => indicatorId(orgId, YARA_TYPE, ruleName);

const linkId = (orgId: string, indicator: string, ruleSetId: string) =>
  relationshipId(orgId, { type: 'indicator', ref: indicator }, LINK, { type: TARGET, ref: ruleSetId });

/** Brings the links of one rule set to exactly `ruleNames` (empty on delete), inside the caller's transaction. */
export async function syncYaraIndicators(
  tx: Db,
  input: { orgId: string; ruleSetId: string; ruleNames: string[]; tlp: string },
) {
  const { orgId, ruleSetId } = input;
  const now = new Date();
  const wanted = new Map([...new Set(input.ruleNames)].map((name) => [yaraIndicatorId(orgId, name), name]));
  const existing = await tx
    .select({ id: intelRelationships.id, indicator: intelRelationships.sourceRef })
    .from(intelRelationships)
    .where(
      and(
        eq(intelRelationships.orgId, orgId),
        eq(intelRelationships.targetType, TARGET),
        eq(intelRelationships.targetRef, ruleSetId),
        eq(intelRelationships.type, LINK),
      ),
    );
  const linked = new Set(existing.map((e) => e.indicator));
  const added = [...wanted.keys()].filter((id) => !linked.has(id));
  const removed = existing.filter((e) => !wanted.has(e.indicator));

  if (added.length) {
    await tx
      .insert(intelIndicators)
      .values(
        added.map((id) => ({
          id,
          orgId,
          type: YARA_TYPE,
          value: wanted.get(id)!,
          confidence: 90,
          tlp: input.tlp,
          firstSeen: now,
          lastSeen: now,
          sightings: 1,
        })),
      )
      .onConflictDoUpdate({
        target: intelIndicators.id,
        set: { lastSeen: now, sightings: sql`${intelIndicators.sightings} + 1`, updatedAt: now },
      });
    await tx
      .insert(intelRelationships)
      .values(
        added.map((id) => ({
          id: linkId(orgId, id, ruleSetId),
          orgId,
          sourceType: 'indicator',
          sourceRef: id,
          type: LINK,
          targetType: TARGET,
          targetRef: ruleSetId,
          confidence: 100,
          firstSeen: now,
          lastSeen: now,
          sightings: 1,
        })),
      )
      .onConflictDoNothing();
  }
  if (removed.length) {
    const gone = removed.map((r) => r.indicator);
    await tx.delete(intelRelationships).where(
      inArray(
        intelRelationships.id,
        removed.map((r) => r.id),
      ),
    );
    await tx
      .update(intelIndicators)
      .set({ sightings: sql`greatest(${intelIndicators.sightings} - 1, 0)`, updatedAt: now })
      .where(and(eq(intelIndicators.orgId, orgId), inArray(intelIndicators.id, gone)));
    // Indicators no set defines any more leave the knowledge, with any relationship still naming them.
    const orphans = await tx
      .select({ id: intelIndicators.id })
      .from(intelIndicators)
      .where(
        and(
          eq(intelIndicators.orgId, orgId),
          eq(intelIndicators.type, YARA_TYPE),
          inArray(intelIndicators.id, gone),
          sql`not exists (select 1 from ${intelRelationships} r where r.org_id = ${orgId} and r.source_ref = ${intelIndicators.id}::text and r.type = ${LINK})`,
        ),
      );
    if (orphans.length) {
      const ids = orphans.map((o) => o.id);
      await tx
        .delete(intelRelationships)
        .where(and(eq(intelRelationships.orgId, orgId), inArray(intelRelationships.sourceRef, ids)));
      await tx
        .delete(intelIndicators)
        .where(and(eq(intelIndicators.orgId, orgId), inArray(intelIndicators.id, ids)));
    }
  }
  return { added: added.length, removed: removed.length };
}

/**
 * For exports: each `yara` indicator with the source of a rule set defining it (the whole set, so the
 * pattern compiles as written: a rule may use private rules or imports of its set). STIX 2.1 carries it
 * as an indicator with `pattern_type: "yara"`.
 */
export async function yaraPatterns(db: Db, orgId: string, indicatorIds: string[]) {
  const patterns = new Map<string, { ruleSetId: string; ruleSet: string; source: string }>();
  if (!indicatorIds.length) return patterns;
  const rows = await db
    .select({
      indicator: intelRelationships.sourceRef,
      ruleSetId: intelYaraRuleSets.id,
      ruleSet: intelYaraRuleSets.name,
      source: intelYaraRuleSets.source,
    })
    .from(intelRelationships)
    .innerJoin(intelYaraRuleSets, sql`${intelYaraRuleSets.id}::text = ${intelRelationships.targetRef}`)
    .where(
      and(
        eq(intelRelationships.orgId, orgId),
        eq(intelYaraRuleSets.orgId, orgId),
        eq(intelRelationships.type, LINK),
        eq(intelRelationships.targetType, TARGET),
        inArray(intelRelationships.sourceRef, indicatorIds),
      ),
    )
    .orderBy(intelYaraRuleSets.createdAt);
  for (const row of rows)
    if (!patterns.has(row.indicator))
      patterns.set(row.indicator, { ruleSetId: row.ruleSetId, ruleSet: row.ruleSet, source: row.source });
  return patterns;
}
