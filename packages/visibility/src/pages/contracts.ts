import { pageQuery } from '@assay/core';
import { z } from 'zod';
import { PAGE_TYPES } from './structured-data.ts';

export const MAX_SOURCE_URLS = 10;
export const MAX_BODY_CHARS = 100_000;
/** Slugs become URL paths of the public site; `md` is taken by the Markdown twins' internal route. */
export const RESERVED_SLUGS = new Set(['md', 'llms', 'robots', 'sitemap', 'index']);
export const PAGE_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

const slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/,
    'expected lowercase letters, digits and hyphens (up to 80)',
  )
  .refine((s) => !RESERVED_SLUGS.has(s), 'this slug is reserved');
const language = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a language tag like en or en-GB');
const product = z
  .object({ name: z.string().trim().min(1).max(200), description: z.string().max(1000).optional() })
  .strict();
const jsonLdInput = z
  .union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).min(1).max(10)])
  .nullable()
  .describe(
    'Custom JSON-LD (one object or up to 10 blocks), validated against the page; `null` returns to the JSON-LD generated from the body',
  );

export const createPageBody = z
  .object({
    project_id: z.uuid(),
    urls: z
      .array(z.string().max(2048))
      .max(MAX_SOURCE_URLS, `at most ${MAX_SOURCE_URLS} URLs per page`)
      .default([])
      .describe('Pages to crawl and draft from; without URLs the page starts from `body_md`'),
    title: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(300).optional(),
    slug: slug.optional(),
    body_md: z.string().max(MAX_BODY_CHARS).optional(),
    page_type: z.enum(PAGE_TYPES).default('WebPage'),
    language: language.default('en'),
    product: product.nullable().optional(),
    engine: z
      .enum(['baseline', 'llm'])
      .optional()
      .describe('Default: `llm` when an AI provider is configured'),
  })
  .strict();

export const updatePageBody = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(300).optional(),
    slug: slug.optional(),
    body_md: z.string().max(MAX_BODY_CHARS).optional(),
    page_type: z.enum(PAGE_TYPES).optional(),
    language: language.optional(),
    product: product.nullable().optional(),
    json_ld: jsonLdInput.optional(),
  })
  .strict();

/** The editor's live score: the content as it stands in the form, not yet saved. */
export const scoreDraftBody = updatePageBody;

export const healthCheckView = z.object({
  id: z.string(),
  category: z.string(),
  passed: z.boolean(),
  applicable: z.boolean(),
  weight: z.number(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const healthReportView = z.object({
  score: z.number(),
  categories: z.record(z.string(), z.object({ score: z.number(), passed: z.number(), failed: z.number() })),
  checks: z.array(healthCheckView),
});

export const sourceView = z.object({
  id: z.uuid(),
  url: z.string(),
  status: z.enum(['pending', 'fetched', 'blocked', 'failed']),
  http_status: z.number().nullable(),
  error: z.string().nullable(),
  title: z.string().nullable(),
  content_chars: z.number().nullable(),
  fetched_at: z.string().nullable(),
});

export const pageView = z.object({
  id: z.uuid(),
  project_id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  body_md: z.string(),
  json_ld: z.array(z.record(z.string(), z.unknown())),
  json_ld_mode: z.enum(['auto', 'custom']),
  page_type: z.enum(PAGE_TYPES),
  language: z.string(),
  product: product.nullable(),
  status: z.enum(PAGE_STATUSES),
  generation: z.enum(['queued', 'running', 'done', 'failed']),
  method: z
    .enum(['llm', 'baseline', 'manual'])
    .describe('How the draft was written; `baseline` is extractive, without an LLM'),
  error: z.string().nullable(),
  job_id: z.uuid().nullable(),
  health_score: z.number().nullable(),
  health: healthReportView.nullable().optional(),
  url: z.string().describe('Where the page is (or will be) served'),
  markdown_url: z.string(),
  sources: z.array(sourceView).optional(),
  published_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const listPagesQuery = pageQuery.extend({
  project_id: z.uuid().optional(),
  status: z.enum(PAGE_STATUSES).optional(),
});

export const urlHealthBody = z
  .object({
    url: z
      .string()
      .min(1)
      .max(2048)
      .describe('A public http(s) URL; fetched with its robots.txt, /llms.txt and Markdown twin'),
  })
  .strict();
export const urlHealthView = healthReportView.extend({ url: z.string(), status: z.number() });

export const orgSlugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
export const publicSiteView = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  site_url: z.string(),
  pages: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      description: z.string(),
      url: z.string(),
      markdown_url: z.string(),
      published_at: z.string(),
      updated_at: z.string(),
    }),
  ),
});
export const publicPageView = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  page: z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    language: z.string(),
    url: z.string(),
    markdown_url: z.string(),
    published_at: z.string(),
    updated_at: z.string(),
  }),
  html: z.string().describe('The whole HTML document to serve'),
  markdown: z.string().describe('The Markdown twin'),
  json_ld: z.array(z.record(z.string(), z.unknown())),
});
