import { pageQuery } from '@assay/core';
import { z } from 'zod';
import { INDICATOR_TYPES } from '../engine/types.ts';
import { TLP_LEVELS } from '../knowledge/normalise.ts';

export const REPORT_STATUSES = ['awaiting_upload', 'processing', 'review', 'completed', 'failed'] as const;
export const ITEM_KINDS = ['indicator', 'actor', 'technique', 'tactic', 'software', 'campaign'] as const;
export const ITEM_STATUSES = ['pending', 'accepted', 'edited', 'rejected'] as const;
export const MAX_TEXT_CHARS = 2_000_000;

/** Content types an upload may declare; the real type is sniffed from the bytes. */
export const UPLOAD_TYPES = ['application/pdf', 'text/html', 'text/plain', 'text/markdown'] as const;

const common = {
  /** The project the report belongs to (events and future agents are scoped by project). */
  project_id: z.uuid(),
  title: z.string().trim().min(1).max(300).optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
};

export const createReportBody = z.discriminatedUnion('source', [
  z
    .object({ source: z.literal('text'), text: z.string().trim().min(1).max(MAX_TEXT_CHARS), ...common })
    .strict(),
  z.object({ source: z.literal('url'), url: z.string().trim().min(1).max(2048), ...common }).strict(),
]);
export type CreateReportInput = z.infer<typeof createReportBody>;

export const createUploadBody = z
  .object({
    filename: z.string().trim().min(1).max(255),
    content_type: z.enum(UPLOAD_TYPES, { message: 'upload PDF, HTML, Markdown or plain text' }),
    size_bytes: z.number().int().positive(),
    ...common,
  })
  .strict();

export const reportView = z.object({
  id: z.uuid(),
  project_id: z.uuid().nullable(),
  source: z.enum(['text', 'url', 'upload']),
  title: z.string(),
  source_url: z.string().nullable(),
  filename: z.string().nullable(),
  format: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  error: z.string().nullable(),
  tlp: z.enum(TLP_LEVELS),
  method: z.string().nullable(),
  stats: z.record(z.string(), z.number()).nullable(),
  job_id: z.uuid().nullable(),
  created_at: z.string(),
  processed_at: z.string().nullable(),
});

export const uploadView = z.object({
  report: reportView,
  upload: z.object({
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expires_at: z.string(),
  }),
});

export const listReportsQuery = pageQuery.extend({
  status: z.enum(REPORT_STATUSES).optional(),
  project_id: z.uuid().optional().describe('only the reports filed under this project'),
  q: z.string().trim().min(1).max(200).optional(),
});

export const itemView = z.object({
  id: z.uuid(),
  kind: z.enum(ITEM_KINDS),
  type: z.string(),
  value: z.string(),
  name: z.string().nullable(),
  attack_id: z.string().nullable(),
  confidence: z.number().int(),
  warnings: z.array(z.string()),
  defanged: z.boolean(),
  sentence: z.string(),
  occurrences: z.array(z.object({ start: z.number(), end: z.number() })),
  status: z.enum(ITEM_STATUSES),
  edited_value: z.string().nullable(),
  merged_id: z.string().nullable(),
  decided_at: z.string().nullable(),
});

export const listItemsQuery = pageQuery.extend({
  kind: z.enum(ITEM_KINDS).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
});

export const reviewBody = z
  .object({
    decisions: z
      .array(
        z
          .object({
            item_id: z.uuid(),
            action: z.enum(['accept', 'reject', 'edit']),
            /** For `edit`: the corrected indicator value (refanged and normalised on save). */
            value: z.string().trim().min(1).max(2048).optional(),
            /** For `edit`: a corrected indicator type. */
            type: z.enum(INDICATOR_TYPES).optional(),
          })
          .strict(),
      )
      .max(5000)
      .default([]),
    /** What to do with every item still pending after `decisions`. */
    remaining: z.enum(['accept', 'reject']).optional(),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewBody>;

export const reviewResult = z.object({
  report: reportView,
  accepted: z.number().int(),
  rejected: z.number().int(),
  pending: z.number().int(),
  indicators_created: z.number().int(),
});

export const reportTextView = z.object({ title: z.string(), text: z.string() });
export const idParams = z.object({ id: z.uuid() });
