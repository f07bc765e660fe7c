// Tables of knowledge pages: the pages drafted from crawled sources, and the sources themselves.
import { createdAt, id, projects, tstz, updatedAt } from '@assay/db';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A knowledge page of an organization's public site. `status` is DRAFT or PUBLISHED; `generation`
 * follows the crawl-and-draft job (queued, running, done, failed). The slug is unique per
 * organization because the site (`{org-slug}.{PAGES_DOMAIN}`) is per organization.
 */
export const knowledgePages = pgTable(
  'visibility_knowledge_pages',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    bodyMd: text('body_md').notNull().default(''),
    /** The JSON-LD entities; generated from the body unless `jsonLdMode` is `custom`. */
    jsonLd: jsonb('json_ld').$type<Record<string, unknown>[]>().notNull().default([]),
    jsonLdMode: text('json_ld_mode').notNull().default('auto'),
    /** Optional Product the page is about (adds a Product entity). */
    product: jsonb('product').$type<{ name: string; description?: string } | null>(),
    pageType: text('page_type').notNull().default('WebPage'),
    language: text('language').notNull().default('en'),
    status: text('status').notNull().default('DRAFT'),
    generation: text('generation').notNull().default('done'),
    /** How the draft was written: `llm`, `baseline` (extractive) or `manual`. */
    method: text('method').notNull().default('manual'),
    jobId: uuid('job_id'),
    error: text('error'),
    healthScore: integer('health_score'),
    health: jsonb('health'),
    publishedAt: tstz('published_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('visibility_knowledge_pages_org_slug_key').on(t.orgId, t.slug),
    index('visibility_knowledge_pages_org_id_idx').on(t.orgId),
    index('visibility_knowledge_pages_created_at_idx').on(t.createdAt),
    index('visibility_knowledge_pages_org_status_idx').on(t.orgId, t.status),
  ],
);

/** One URL crawled for a page: what answered and the readable content extracted from it. */
export const knowledgeSources = pgTable(
  'visibility_knowledge_sources',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => knowledgePages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    url: text('url').notNull(),
    /** pending, fetched, blocked (robots.txt), failed. */
    status: text('status').notNull().default('pending'),
    httpStatus: integer('http_status'),
    error: text('error'),
    title: text('title'),
    content: jsonb('content'),
    contentChars: integer('content_chars'),
    fetchedAt: tstz('fetched_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('visibility_knowledge_sources_org_id_idx').on(t.orgId),
    index('visibility_knowledge_sources_created_at_idx').on(t.createdAt),
    index('visibility_knowledge_sources_page_idx').on(t.pageId, t.position),
  ],
);
