import { chunksOf } from '@assay/core';
import type { Db } from '@assay/db';
import { and, eq, sql } from 'drizzle-orm';
import { indexCatalog } from '../attack/search.ts';
import type { AttackCatalog } from '../attack/types.ts';
import { Sentences } from '../engine/sentences.ts';
import {
  intelActors,
  intelEvidence,
  intelIndicators,
  intelRelationships,
  type intelReports,
  type intelReviewItems,
} from '../schema.ts';
import { actorId, actorKey, indicatorId, relationshipId } from './ids.ts';
import { expiryFor } from './normalise.ts';

type ReportRow = typeof intelReports.$inferSelect;
type ItemRow = typeof intelReviewItems.$inferSelect;

/** A staged item the analyst accepted, with its final (possibly edited) type and value. */
export interface AcceptedItem {
  item: ItemRow;
  type: string;
  value: string;
}

export interface MergeResult {
  /** Review item id -> knowledge row it merged into. */
  merged: Map<string, string>;
  /** Indicators that did not exist in the organization before this merge. */
  createdIndicators: { id: string; type: string; value: string; confidence: number }[];
}

interface Ref {
  type: string;
  ref: string;
}

/** Links a knowledge row to the report (and sentence) that supports it; true if the link is new. */
async function addEvidence(
  tx: Db,
  report: ReportRow,
  entityType: string,
  entityId: string,
  sentence: string,
  reviewItemId: string | null,
) {
  const rows = await tx
    .insert(intelEvidence)
    .values({ orgId: report.orgId, reportId: report.id, entityType, entityId, reviewItemId, sentence })
    .onConflictDoNothing()
    .returning({ id: intelEvidence.id });
  return rows.length > 0;
}

const BATCH = 500;
const TLP_ORDER = sql.raw(`array['clear','green','amber','amber+strict','red']`);

/**
 * Merges indicator items in batches of statements (a report can carry thousands): insert the missing
 * rows, insert one provenance row per (report, indicator), and for the indicators whose provenance is
 * new add a sighting, move last seen and expiry, keep the highest confidence and the strictest TLP.
 */
async function upsertIndicators(tx: Db, report: ReportRow, items: AcceptedItem[], now: Date) {
  const created = new Set<string>();
  const ids = new Map<string, string>();
  for (const chunk of chunksOf(items, BATCH)) {
    const rows = new Map<string, AcceptedItem>();
    for (const a of chunk) {
      const id = indicatorId(report.orgId, a.type, a.value);
      ids.set(a.item.id, id);
      const seen = rows.get(id);
      if (!seen || seen.item.confidence < a.item.confidence) rows.set(id, a);
    }
    const inserted = await tx
      .insert(intelIndicators)
      .values(
        [...rows].map(([id, a]) => ({
          id,
          orgId: report.orgId,
          type: a.type,
          value: a.value,
          confidence: a.item.confidence,
          tlp: report.tlp,
          warnings: a.item.warnings,
          firstSeen: now,
          lastSeen: now,
          expiresAt: expiryFor(a.type, now),
          sightings: 0,
          // Millisecond precision, like the page cursors that point at it.
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: intelIndicators.id });
    for (const r of inserted) created.add(r.id);
    const linked = await tx
      .insert(intelEvidence)
      .values(
        [...rows].map(([id, a]) => ({
          orgId: report.orgId,
          reportId: report.id,
          entityType: 'indicator',
          entityId: id,
          reviewItemId: a.item.id,
          sentence: a.item.sentence,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: intelEvidence.entityId });
    if (linked.length === 0) continue;
    const values = sql.join(
      linked.map(({ id }) => {
        const a = rows.get(id) as AcceptedItem;
        const expires = expiryFor(a.type, now)?.toISOString() ?? null;
        return sql`(${id}::uuid, ${a.item.confidence}::int, ${expires}::timestamptz)`;
      }),
      sql`, `,
    );
    await tx.execute(sql`
      update intel_indicators as i set
        sightings = i.sightings + 1,
        last_seen = ${now.toISOString()}::timestamptz,
        expires_at = v.expires_at,
        confidence = greatest(i.confidence, v.confidence),
        tlp = case when array_position(${TLP_ORDER}, i.tlp) >= array_position(${TLP_ORDER}, ${report.tlp}::text)
                   then i.tlp else ${report.tlp} end,
        updated_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as v(id, confidence, expires_at)
      where i.id = v.id and i.org_id = ${report.orgId}::uuid`);
  }
  return { ids, created };
}

async function upsertActor(
  tx: Db,
  report: ReportRow,
  a: AcceptedItem,
  catalog: AttackCatalog | undefined,
  now: Date,
) {
  const entry = catalog && a.item.attackId ? indexCatalog(catalog).get(a.item.attackId) : undefined;
  const object = entry?.object as
    | { name: string; aliases?: string[]; stixId: string; description: string }
    | undefined;
  const name = object?.name ?? a.item.name ?? a.value;
  const id = actorId(report.orgId, actorKey(a.item.attackId, name));
  await tx
    .insert(intelActors)
    .values({
      id,
      orgId: report.orgId,
      name,
      aliases: (object?.aliases ?? []).filter((x) => x !== name),
      attackId: a.item.attackId,
      stixId: object?.stixId ?? null,
      description: object?.description.slice(0, 4000) ?? '',
      confidence: a.item.confidence,
      tlp: report.tlp,
      firstSeen: now,
      lastSeen: now,
      sightings: 0,
      // Millisecond precision, like the page cursors that point at it.
      createdAt: now,
    })
    .onConflictDoNothing();
  if (await addEvidence(tx, report, 'actor', id, a.item.sentence, a.item.id)) {
    await tx
      .update(intelActors)
      .set({
        sightings: sql`${intelActors.sightings} + 1`,
        lastSeen: now,
        confidence: sql`greatest(${intelActors.confidence}, ${a.item.confidence})`,
        updatedAt: now,
      })
      .where(and(eq(intelActors.orgId, report.orgId), eq(intelActors.id, id)));
  }
  return id;
}

interface Claim {
  source: Ref;
  type: string;
  target: Ref;
  confidence: number;
  sentence: string;
}

/**
 * Upserts relationships in batches: insert the missing ones, one provenance row per (report,
 * relationship), and a sighting (with last seen and the highest confidence) where that row is new.
 */
async function relateMany(tx: Db, report: ReportRow, claims: Claim[], now: Date) {
  const byId = new Map<string, Claim>();
  for (const c of claims) {
    const id = relationshipId(report.orgId, c.source, c.type, c.target);
    const seen = byId.get(id);
    if (!seen || seen.confidence < c.confidence) byId.set(id, c);
  }
  const all = [...byId];
  for (const chunk of chunksOf(all, BATCH)) {
    await tx
      .insert(intelRelationships)
      .values(
        chunk.map(([id, c]) => ({
          id,
          orgId: report.orgId,
          sourceType: c.source.type,
          sourceRef: c.source.ref,
          type: c.type,
          targetType: c.target.type,
          targetRef: c.target.ref,
          confidence: c.confidence,
          firstSeen: now,
          lastSeen: now,
          sightings: 0,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
    const linked = await tx
      .insert(intelEvidence)
      .values(
        chunk.map(([id, c]) => ({
          orgId: report.orgId,
          reportId: report.id,
          entityType: 'relationship',
          entityId: id,
          reviewItemId: null,
          sentence: c.sentence,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: intelEvidence.entityId });
    if (linked.length === 0) continue;
    const values = sql.join(
      linked.map(({ id }) => sql`(${id}::uuid, ${(byId.get(id) as Claim).confidence}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update intel_relationships as r set sightings = r.sightings + 1, last_seen = ${now.toISOString()}::timestamptz,
        confidence = greatest(r.confidence, v.confidence)
      from (values ${values}) as v(id, confidence)
      where r.id = v.id and r.org_id = ${report.orgId}::uuid`);
  }
}

/**
 * Merges accepted items of one report into the organization's knowledge, in the caller's transaction.
 * Indicators and actors upsert on their deterministic ids; each report adds one provenance link and
 * one sighting (accepting the same report again adds neither). The report `mentions` every ATT&CK
 * object and actor it names. Claims between items are drawn only with an evidence sentence: an actor
 * `uses` a technique or software, and an indicator `indicates` an actor, when they share a sentence
 * (confidence from the weaker of the two), or at lower confidence when the report names one actor only.
 */
export async function mergeAccepted(
  tx: Db,
  report: ReportRow,
  accepted: AcceptedItem[],
  catalog: AttackCatalog | undefined,
): Promise<MergeResult> {
  const now = new Date();
  const merged = new Map<string, string>();
  const createdIndicators: MergeResult['createdIndicators'] = [];
  const reportRef = { type: 'report', ref: report.id };
  const ends: { ref: Ref; a: AcceptedItem }[] = [];
  const claims: Claim[] = [];
  const indicators = accepted.filter((a) => a.item.kind === 'indicator');
  const { ids, created } = await upsertIndicators(tx, report, indicators, now);
  const announced = new Set<string>();
  for (const a of indicators) {
    const id = ids.get(a.item.id) as string;
    merged.set(a.item.id, id);
    if (created.has(id) && !announced.has(id)) {
      announced.add(id);
      createdIndicators.push({ id, type: a.type, value: a.value, confidence: a.item.confidence });
    }
    ends.push({ ref: { type: 'indicator', ref: id }, a });
  }
  for (const a of accepted) {
    if (a.item.kind === 'indicator') {
    } else if (a.item.kind === 'actor') {
      const id = await upsertActor(tx, report, a, catalog, now);
      merged.set(a.item.id, id);
      claims.push({
        source: reportRef,
        type: 'mentions',
        target: { type: 'actor', ref: id },
        confidence: a.item.confidence,
        sentence: a.item.sentence,
      });
      ends.push({ ref: { type: 'actor', ref: id }, a });
    } else {
      const target = { type: a.item.kind, ref: a.value };
      merged.set(a.item.id, a.value);
      claims.push({
        source: reportRef,
        type: 'mentions',
        target,
        confidence: a.item.confidence,
        sentence: a.item.sentence,
      });
      ends.push({ ref: target, a });
    }
  }

  const actors = ends.filter((e) => e.ref.type === 'actor');
  if (actors.length === 0 || !report.body) {
    await relateMany(tx, report, claims, now);
    return { merged, createdIndicators };
  }
  const sentences = new Sentences(report.body);
  const sentencesOf = (a: AcceptedItem) =>
    new Set(a.item.occurrences.map((o) => sentences.at(o.start, o.end)));
  const actorSentences = new Map(actors.map((x) => [x.ref.ref, sentencesOf(x.a)]));
  for (const e of ends) {
    const type =
      e.ref.type === 'technique' || e.ref.type === 'software'
        ? 'uses'
        : e.ref.type === 'indicator'
          ? 'indicates'
          : null;
    if (!type) continue;
    const mine = sentencesOf(e.a);
    for (const actor of actors) {
      const shared = [...mine].find((s) => actorSentences.get(actor.ref.ref)?.has(s));
      if (!shared && actors.length > 1) continue;
      const confidence = shared
        ? Math.min(e.a.item.confidence, actor.a.item.confidence)
        : Math.min(50, e.a.item.confidence);
      const sentence = shared ?? e.a.item.sentence;
      if (type === 'uses')
        claims.push({ source: actor.ref, type: 'uses', target: e.ref, confidence, sentence });
      else claims.push({ source: e.ref, type: 'indicates', target: actor.ref, confidence, sentence });
    }
  }
  await relateMany(tx, report, claims, now);
  return { merged, createdIndicators };
}
