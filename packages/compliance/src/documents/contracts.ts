import { pageQuery } from '@assay/core';
import { z } from 'zod';

/** Content types a user may declare; the real type is then sniffed from the bytes. */
export const ACCEPTED_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/html',
  'text/plain',
] as const;

export const DOCUMENT_STATUSES = ['awaiting_upload', 'processing', 'ready', 'failed'] as const;

export const createDocumentBody = z
  .object({
    project_id: z.uuid(),
    filename: z.string().trim().min(1).max(255),
    content_type: z.enum(ACCEPTED_TYPES, { message: 'upload PDF, DOCX, Markdown, HTML or plain text' }),
    size_bytes: z.number().int().positive(),
  })
  .strict();

export const documentView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  filename: z.string(),
  declared_type: z.string(),
  format: z.string().nullable(),
  size_bytes: z.number(),
  status: z.enum(DOCUMENT_STATUSES),
  error: z.string().nullable(),
  error_reason: z.string().nullable(),
  page_count: z.number().nullable(),
  text_chars: z.number().nullable(),
  title: z.string().nullable(),
  expires_at: z.string().nullable(),
  created_at: z.string(),
});

export const uploadView = z.object({
  document: documentView,
  upload: z.object({
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expires_at: z.string(),
  }),
});

export const listDocumentsQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
});
export const idParams = z.object({ id: z.uuid() });

export const extractedView = z.object({
  format: z.string(),
  title: z.string().nullable(),
  text: z.string(),
  blocks: z.array(z.object({ start: z.number(), end: z.number(), kind: z.string(), location: z.string() })),
});
