import type { HealthReport } from '../health/types.ts';
import type { knowledgePages, knowledgeSources } from './schema.ts';
import { markdownUrl, pageUrl, type SiteInfo } from './site.ts';
import type { PageFields, PageType } from './structured-data.ts';

export type PageRow = typeof knowledgePages.$inferSelect;
export type SourceRow = typeof knowledgeSources.$inferSelect;

export function fieldsOf(row: PageRow): PageFields {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    bodyMd: row.bodyMd,
    pageType: row.pageType as PageType,
    language: row.language,
    product: row.product ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSourceView(s: SourceRow) {
  return {
    id: s.id,
    url: s.url,
    status: s.status as 'pending' | 'fetched' | 'blocked' | 'failed',
    http_status: s.httpStatus,
    error: s.error,
    title: s.title,
    content_chars: s.contentChars,
    fetched_at: iso(s.fetchedAt),
  };
}

export function toPageView(
  row: PageRow,
  site: SiteInfo,
  extra: { sources?: SourceRow[]; withHealth?: boolean } = {},
) {
  return {
    id: row.id,
    project_id: row.projectId,
    slug: row.slug,
    title: row.title,
    description: row.description,
    body_md: row.bodyMd,
    json_ld: row.jsonLd,
    json_ld_mode: row.jsonLdMode as 'auto' | 'custom',
    page_type: row.pageType as PageType,
    language: row.language,
    product: row.product ?? null,
    status: row.status as 'DRAFT' | 'PUBLISHED',
    generation: row.generation as 'queued' | 'running' | 'done' | 'failed',
    method: row.method as 'llm' | 'baseline' | 'manual',
    error: row.error,
    job_id: row.jobId,
    health_score: row.healthScore,
    health: extra.withHealth ? ((row.health as HealthReport | null) ?? null) : undefined,
    url: pageUrl(site, row.slug),
    markdown_url: markdownUrl(site, row.slug),
    sources: extra.sources?.map(toSourceView),
    published_at: iso(row.publishedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
