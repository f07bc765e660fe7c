import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Postgres full-text vector; the columns below are generated from the row, so they never go stale. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// ---------------------------------------------------------------------------------------------------
// ATT&CK catalogue: public reference data (MITRE's STIX bundle), shared by every organization and
// imported by the operator. What an organization has *seen* is in its own tables below.
// ---------------------------------------------------------------------------------------------------

/** One imported bundle. Re-importing the same bytes is a no-op; a new release is a new version. */
export const intelAttackVersions = pgTable(
  'intel_attack_versions',
  {
    id: id(),
    domain: text('domain').notNull(),
    version: text('version').notNull(),
    sha256: text('sha256').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    importedBy: text('imported_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('intel_attack_versions_sha_key').on(t.sha256),
    index('intel_attack_versions_domain_idx').on(t.domain, t.createdAt),
  ],
);

/** A technique, sub-technique, tactic, group, software, campaign or mitigation of one version. */
export const intelAttackObjects = pgTable(
  'intel_attack_objects',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => intelAttackVersions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    attackId: text('attack_id').notNull(),
    stixId: text('stix_id').notNull(),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    /** Tactic shortnames of a technique (`execution`), or a tactic's own shortname. */
    tactics: jsonb('tactics').$type<string[]>().notNull().default([]),
    parentId: text('parent_id'),
    platforms: jsonb('platforms').$type<string[]>().notNull().default([]),
    softwareKind: text('software_kind'),
    url: text('url'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce("attack_id", '') || ' ' || coalesce("name", '')), 'A') || setweight(to_tsvector('english', left(coalesce("description", ''), 20000)), 'C')`,
    ),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('intel_attack_objects_version_stix_key').on(t.versionId, t.stixId),
    index('intel_attack_objects_version_attack_idx').on(t.versionId, t.attackId),
    index('intel_attack_objects_version_kind_idx').on(t.versionId, t.kind),
    index('intel_attack_objects_search_idx').using('gin', t.search),
  ],
);

/** `uses`, `subtechnique-of`, `attributed-to`, `mitigates` between objects of one version (STIX ids). */
export const intelAttackRelations = pgTable(
  'intel_attack_relations',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => intelAttackVersions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    sourceRef: text('source_ref').notNull(),
    targetRef: text('target_ref').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_attack_relations_source_idx').on(t.versionId, t.sourceRef),
    index('intel_attack_relations_target_idx').on(t.versionId, t.targetRef),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Organization knowledge. Every row carries org_id and every query filters on it.
// ---------------------------------------------------------------------------------------------------

/** Per-organization settings of the intel module. */
export const intelSettings = pgTable(
  'intel_settings',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    /** Staged items at or above this confidence merge without review; null turns auto-accept off. */
    autoAcceptThreshold: integer('auto_accept_threshold'),
    /** The organization's own domains: marked as false positives in its reports. */
    publisherDomains: jsonb('publisher_domains').$type<string[]>().notNull().default([]),
    defaultTlp: text('default_tlp').notNull().default('amber'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('intel_settings_org_key').on(t.orgId),
    index('intel_settings_created_at_idx').on(t.createdAt),
  ],
);

/** A threat report: uploaded, fetched from a URL, or pasted. Its text is kept for search and review. */
export const intelReports = pgTable(
  'intel_reports',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    filename: text('filename'),
    declaredType: text('declared_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    storageKey: text('storage_key'),
    format: text('format'),
    status: text('status').notNull(),
    error: text('error'),
    tlp: text('tlp').notNull().default('amber'),
    body: text('body'),
    method: text('method'),
    /** Counts of staged, accepted and rejected items, by kind. */
    stats: jsonb('stats').$type<Record<string, number>>(),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    processedAt: tstz('processed_at'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', left(coalesce("body", ''), 300000)), 'D')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_reports_org_id_idx').on(t.orgId),
    index('intel_reports_created_at_idx').on(t.createdAt),
    index('intel_reports_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('intel_reports_search_idx').using('gin', t.search),
  ],
);

/**
 * One thing the extraction found in a report, staged for the analyst: an indicator, an actor, a
 * technique, a tactic, a piece of software or a campaign. Accepting (as is or edited) merges it.
 */
export const intelReviewItems = pgTable(
  'intel_review_items',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => intelReports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Indicator type for indicators; the kind again otherwise. */
    type: text('type').notNull(),
    value: text('value').notNull(),
    name: text('name'),
    attackId: text('attack_id'),
    confidence: integer('confidence').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    defanged: boolean('defanged').notNull().default(false),
    sentence: text('sentence').notNull(),
    /** Offsets of each occurrence in the report's text, for highlighting. */
    occurrences: jsonb('occurrences').$type<{ start: number; end: number }[]>().notNull().default([]),
    status: text('status').notNull().default('pending'),
    editedValue: text('edited_value'),
    decidedBy: text('decided_by'),
    decidedAt: tstz('decided_at'),
    /** The knowledge-base row it merged into (indicator or actor id). */
    mergedId: text('merged_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_review_items_org_id_idx').on(t.orgId),
    index('intel_review_items_created_at_idx').on(t.createdAt),
    index('intel_review_items_report_idx').on(t.reportId, t.kind),
    uniqueIndex('intel_review_items_report_key').on(t.reportId, t.kind, t.type, t.value),
  ],
);

/** An indicator of the organization's knowledge. Id = UUIDv5(org, type, normalised value). */
export const intelIndicators = pgTable(
  'intel_indicators',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    confidence: integer('confidence').notNull(),
    tlp: text('tlp').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    firstSeen: tstz('first_seen').notNull(),
    lastSeen: tstz('last_seen').notNull(),
    expiresAt: tstz('expires_at'),
    /** Reports it was accepted from. */
    sightings: integer('sightings').notNull().default(0),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', "type" || ' ' || "value" || ' ' || translate("value", './:@\\-_[]', '           '))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_indicators_org_id_idx').on(t.orgId),
    index('intel_indicators_created_at_idx').on(t.createdAt),
    uniqueIndex('intel_indicators_org_value_key').on(t.orgId, t.type, t.value),
    index('intel_indicators_org_type_idx').on(t.orgId, t.type, t.createdAt),
    index('intel_indicators_search_idx').using('gin', t.search),
  ],
);

/** A threat actor the organization tracks. Id = UUIDv5(org, ATT&CK group id or lower-cased name). */
export const intelActors = pgTable(
  'intel_actors',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    attackId: text('attack_id'),
    stixId: text('stix_id'),
    description: text('description').notNull().default(''),
    confidence: integer('confidence').notNull(),
    tlp: text('tlp').notNull(),
    firstSeen: tstz('first_seen').notNull(),
    lastSeen: tstz('last_seen').notNull(),
    sightings: integer('sightings').notNull().default(0),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("attack_id", '') || ' ' || coalesce("aliases"::text, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('intel_actors_org_id_idx').on(t.orgId),
    index('intel_actors_created_at_idx').on(t.createdAt),
    index('intel_actors_search_idx').using('gin', t.search),
  ],
);

/**
 * A directed relationship of the organization's knowledge, STIX-style: actor `uses` technique,
 * indicator `indicates` actor, report `mentions` anything. Ends are typed refs: an indicator or actor
 * id, a report id, or an ATT&CK id for techniques, tactics and software.
 * Id = UUIDv5(org, source, type, target), so the same claim from two reports is one row.
 */
export const intelRelationships = pgTable(
  'intel_relationships',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    sourceType: text('source_type').notNull(),
    sourceRef: text('source_ref').notNull(),
    type: text('type').notNull(),
    targetType: text('target_type').notNull(),
    targetRef: text('target_ref').notNull(),
    confidence: integer('confidence').notNull(),
    firstSeen: tstz('first_seen').notNull(),
    lastSeen: tstz('last_seen').notNull(),
    sightings: integer('sightings').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_relationships_org_id_idx').on(t.orgId),
    index('intel_relationships_created_at_idx').on(t.createdAt),
    index('intel_relationships_source_idx').on(t.orgId, t.sourceType, t.sourceRef),
    index('intel_relationships_target_idx').on(t.orgId, t.targetType, t.targetRef),
  ],
);

/** Provenance: which report (and sentence) backs an indicator, actor or relationship. One per pair. */
export const intelEvidence = pgTable(
  'intel_evidence',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => intelReports.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    reviewItemId: uuid('review_item_id'),
    sentence: text('sentence').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('intel_evidence_org_id_idx').on(t.orgId),
    index('intel_evidence_created_at_idx').on(t.createdAt),
    uniqueIndex('intel_evidence_report_entity_key').on(t.reportId, t.entityType, t.entityId),
    index('intel_evidence_entity_idx').on(t.orgId, t.entityType, t.entityId),
  ],
);

export * from './agents/schema.ts';
export * from './feeds/schema.ts';
export * from './yara/schema.ts';
