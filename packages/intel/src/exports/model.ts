import { type Db, organizations } from '@assay/db';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { indexCatalog } from '../attack/search.ts';
import { loadAttackCatalog } from '../attack-import/catalog.ts';
import { INDICATOR_TYPES } from '../engine/types.ts';
import { TLP_LEVELS } from '../knowledge/normalise.ts';
import { intelActors, intelEvidence, intelIndicators, intelRelationships, intelReports } from '../schema.ts';

export const EXPORT_FORMATS = ['stix', 'csv', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportFilter = z
  .object({
    types: z.array(z.enum(INDICATOR_TYPES)).max(INDICATOR_TYPES.length).optional(),
    min_confidence: z.number().int().min(0).max(100).optional(),
    /** The most restrictive TLP to include (say `green` to share outside the organization). */
    max_tlp: z.enum(TLP_LEVELS).optional(),
    report_id: z.uuid().optional(),
  })
  .strict();
export type ExportFilter = z.infer<typeof exportFilter>;

type IndicatorRow = typeof intelIndicators.$inferSelect;
type ActorRow = typeof intelActors.$inferSelect;
type RelationshipRow = typeof intelRelationships.$inferSelect;
type ReportRow = Pick<
  typeof intelReports.$inferSelect,
  'id' | 'title' | 'tlp' | 'sourceUrl' | 'createdAt' | 'processedAt'
>;

export interface AttackRef {
  id: string;
  kind: 'technique' | 'tactic' | 'software' | 'campaign';
  name: string;
  tactics: string[];
  softwareKind?: 'malware' | 'tool';
  url?: string;
}

export interface ExportModel {
  orgId: string;
  organization: string;
  generatedAt: Date;
  filter: ExportFilter;
  indicators: IndicatorRow[];
  actors: ActorRow[];
  attack: AttackRef[];
  relationships: RelationshipRow[];
  reports: ReportRow[];
  /** Report id -> ids of the indicators, actors and ATT&CK refs it supports (for STIX `object_refs`). */
  reportObjects: Map<string, { type: string; ref: string }[]>;
}

/** Rows in the export's scope; sizes are bounded by the caller (inline limit or a job). */
export async function collectExport(db: Db, orgId: string, filter: ExportFilter): Promise<ExportModel> {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const maxTlp = filter.max_tlp ? TLP_LEVELS.slice(0, TLP_LEVELS.indexOf(filter.max_tlp) + 1) : undefined;
  const fromReport = filter.report_id
    ? sql`${intelIndicators.id} in (select entity_id from intel_evidence where org_id = ${orgId} and report_id = ${filter.report_id} and entity_type = 'indicator')`
    : undefined;
  const indicators = await db
    .select()
    .from(intelIndicators)
    .where(
      and(
        eq(intelIndicators.orgId, orgId),
        filter.types?.length ? inArray(intelIndicators.type, filter.types) : undefined,
        filter.min_confidence !== undefined
          ? gte(intelIndicators.confidence, filter.min_confidence)
          : undefined,
        maxTlp ? inArray(intelIndicators.tlp, [...maxTlp]) : undefined,
        fromReport,
      ),
    )
    .orderBy(asc(intelIndicators.type), asc(intelIndicators.value));
  const actorScope = filter.report_id
    ? sql`${intelActors.id} in (select entity_id from intel_evidence where org_id = ${orgId} and report_id = ${filter.report_id} and entity_type = 'actor')`
    : undefined;
  const actors = await db
    .select()
    .from(intelActors)
    .where(
      and(
        eq(intelActors.orgId, orgId),
        maxTlp ? inArray(intelActors.tlp, [...maxTlp]) : undefined,
        actorScope,
      ),
    )
    .orderBy(asc(intelActors.name));
  const reports = await db
    .select({
      id: intelReports.id,
      title: intelReports.title,
      tlp: intelReports.tlp,
      sourceUrl: intelReports.sourceUrl,
      createdAt: intelReports.createdAt,
      processedAt: intelReports.processedAt,
    })
    .from(intelReports)
    .where(
      and(
        eq(intelReports.orgId, orgId),
        inArray(intelReports.status, ['review', 'completed']),
        filter.report_id ? eq(intelReports.id, filter.report_id) : undefined,
        maxTlp ? inArray(intelReports.tlp, [...maxTlp]) : undefined,
      ),
    )
    .orderBy(asc(intelReports.createdAt));
  const allRelationships = await db
    .select()
    .from(intelRelationships)
    .where(eq(intelRelationships.orgId, orgId));

  const included = new Set<string>([
    ...indicators.map((i) => `indicator:${i.id}`),
    ...actors.map((a) => `actor:${a.id}`),
    ...reports.map((r) => `report:${r.id}`),
  ]);
  const catalog = await loadAttackCatalog(db);
  const index = catalog ? indexCatalog(catalog) : undefined;
  const attack = new Map<string, AttackRef>();
  const isAttack = (type: string) => ['technique', 'tactic', 'software', 'campaign'].includes(type);
  const relevant = allRelationships.filter(
    (r) =>
      (included.has(`${r.sourceType}:${r.sourceRef}`) || isAttack(r.sourceType)) &&
      (included.has(`${r.targetType}:${r.targetRef}`) || isAttack(r.targetType)),
  );
  for (const r of relevant) {
    if (!isAttack(r.targetType) || attack.has(r.targetRef)) continue;
    const object = index?.get(r.targetRef)?.object as
      | { name: string; tactics?: string[]; kind?: 'malware' | 'tool'; url?: string }
      | undefined;
    attack.set(r.targetRef, {
      id: r.targetRef,
      kind: r.targetType as AttackRef['kind'],
      name: object?.name ?? r.targetRef,
      tactics: object?.tactics ?? [],
      softwareKind: object?.kind,
      url: object?.url,
    });
  }
  const reportObjects = new Map<string, { type: string; ref: string }[]>();
  for (const r of relevant.filter((x) => x.sourceType === 'report' && x.type === 'mentions')) {
    const list = reportObjects.get(r.sourceRef) ?? [];
    list.push({ type: r.targetType, ref: r.targetRef });
    reportObjects.set(r.sourceRef, list);
  }
  if (reports.length && indicators.length) {
    const evidence = await db
      .select({ reportId: intelEvidence.reportId, entityId: intelEvidence.entityId })
      .from(intelEvidence)
      .where(
        and(
          eq(intelEvidence.orgId, orgId),
          eq(intelEvidence.entityType, 'indicator'),
          inArray(
            intelEvidence.reportId,
            reports.map((r) => r.id),
          ),
        ),
      );
    const ids = new Set(indicators.map((i) => i.id));
    for (const e of evidence) {
      if (!ids.has(e.entityId)) continue;
      const list = reportObjects.get(e.reportId) ?? [];
      list.push({ type: 'indicator', ref: e.entityId });
      reportObjects.set(e.reportId, list);
    }
  }
  return {
    orgId,
    organization: org?.name ?? '',
    generatedAt: new Date(),
    filter,
    indicators,
    actors,
    attack: [...attack.values()].sort((a, b) => a.id.localeCompare(b.id)),
    relationships: relevant.filter((r) => r.type !== 'mentions'),
    reports,
    reportObjects,
  };
}

export const exportSize = (m: ExportModel) => m.indicators.length + m.actors.length + m.relationships.length;
