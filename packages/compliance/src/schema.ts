import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** An uploaded policy document. The file lives in object storage; its extracted text next to it. */
export const complianceDocuments = pgTable(
  'compliance_documents',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    declaredType: text('declared_type').notNull(),
    format: text('format'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    status: text('status').notNull().default('awaiting_upload'),
    error: text('error'),
    errorReason: text('error_reason'),
    pageCount: integer('page_count'),
    textChars: integer('text_chars'),
    title: text('title'),
    uploadedBy: text('uploaded_by'),
    expiresAt: tstz('expires_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('compliance_documents_org_id_idx').on(t.orgId),
    index('compliance_documents_created_at_idx').on(t.createdAt),
    index('compliance_documents_org_project_idx').on(t.orgId, t.projectId, t.createdAt),
    index('compliance_documents_expires_idx').on(t.expiresAt),
  ],
);

/** One run of an engine over a document against frameworks; findings and summary as JSONB. */
export const complianceAssessments = pgTable(
  'compliance_assessments',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => complianceDocuments.id, { onDelete: 'cascade' }),
    frameworks: jsonb('frameworks').$type<string[]>().notNull(),
    engine: text('engine').notNull(),
    status: text('status').notNull().default('processing'),
    jobId: uuid('job_id'),
    findings: jsonb('findings'),
    summary: jsonb('summary'),
    error: text('error'),
    durationMs: integer('duration_ms'),
    createdBy: text('created_by'),
    completedAt: tstz('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('compliance_assessments_org_id_idx').on(t.orgId),
    index('compliance_assessments_created_at_idx').on(t.createdAt),
    index('compliance_assessments_org_status_idx').on(t.orgId, t.status),
    index('compliance_assessments_document_idx').on(t.documentId),
  ],
);

/** An unguessable, expiring, revocable link to a read-only report. Only the token's hash is stored. */
export const complianceShareLinks = pgTable(
  'compliance_share_links',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => complianceAssessments.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('compliance_share_links_token_key').on(t.tokenHash),
    index('compliance_share_links_org_id_idx').on(t.orgId),
    index('compliance_share_links_created_at_idx').on(t.createdAt),
  ],
);

/** Frameworks an organization imported from OSCAL catalogs (built-in ones live in code). */
export const complianceFrameworks = pgTable(
  'compliance_frameworks',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    version: text('version').notNull(),
    controls: jsonb('controls').notNull(),
    controlCount: integer('control_count').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('compliance_frameworks_org_key_version').on(t.orgId, t.key, t.version),
    index('compliance_frameworks_org_id_idx').on(t.orgId),
    index('compliance_frameworks_created_at_idx').on(t.createdAt),
  ],
);
