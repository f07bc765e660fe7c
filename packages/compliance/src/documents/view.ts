import type { complianceDocuments } from '../schema.ts';

type DocumentRow = typeof complianceDocuments.$inferSelect;

export const toDocumentView = (d: DocumentRow) => ({
  id: d.id,
  project_id: d.projectId,
  filename: d.filename,
  declared_type: d.declaredType,
  format: d.format,
  size_bytes: d.sizeBytes,
  status: d.status as 'awaiting_upload' | 'processing' | 'ready' | 'failed',
  error: d.error,
  error_reason: d.errorReason,
  page_count: d.pageCount,
  text_chars: d.textChars,
  title: d.title,
  expires_at: d.expiresAt?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
});

export const originalKey = (orgId: string, documentId: string) =>
  `orgs/${orgId}/compliance/documents/${documentId}/original`;
export const extractedKey = (orgId: string, documentId: string) =>
  `orgs/${orgId}/compliance/documents/${documentId}/extracted.json`;
