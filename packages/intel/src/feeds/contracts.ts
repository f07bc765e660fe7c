import { pageQuery } from '@assay/core';
import { z } from 'zod';

const url = z.string().trim().min(1).max(2048);

export const createFeedBody = z
  .object({
    project_id: z.uuid(),
    name: z.string().trim().min(1).max(200),
    url,
    enabled: z.boolean().optional(),
  })
  .strict();
export const updateFeedBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    url: url.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const feedView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  kind: z.enum(['rss', 'atom', 'stix']).nullable(),
  last_fetched_at: z.string().nullable(),
  last_status: z.enum(['ok', 'error']).nullable(),
  last_error: z.string().nullable(),
  items_ingested: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const feedItemView = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  published_at: z.string().nullable(),
  report_id: z.uuid().nullable(),
  created_at: z.string(),
});

export const listFeedsQuery = pageQuery.extend({ project_id: z.uuid().optional() });
export const idParams = z.object({ id: z.uuid() });
