import { notFound } from '@assay/core';
import { type Db, organizations } from '@assay/db';
import { and, asc, eq } from 'drizzle-orm';
import { knowledgePages } from './schema.ts';
import { type SiteConfig, type SiteInfo, type SitePageSummary, siteBaseUrl } from './site.ts';

export async function siteForOrg(db: Db, orgId: string, config: SiteConfig): Promise<SiteInfo> {
  const [org] = await db
    .select({ slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw notFound('Organization');
  return { orgSlug: org.slug, orgName: org.name, baseUrl: siteBaseUrl(org.slug, config) };
}

/** The site of an organization slug, for the public routes; undefined for an unknown slug. */
export async function siteForSlug(
  db: Db,
  slug: string,
  config: SiteConfig,
): Promise<(SiteInfo & { orgId: string }) | undefined> {
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) return undefined;
  return { orgId: org.id, orgSlug: slug, orgName: org.name, baseUrl: siteBaseUrl(slug, config) };
}

/** The published pages of an organization, oldest first (the order of llms.txt and the sitemap). */
export async function publishedPages(
  db: Db,
  orgId: string,
): Promise<(SitePageSummary & { publishedAt: Date })[]> {
  const rows = await db
    .select({
      slug: knowledgePages.slug,
      title: knowledgePages.title,
      description: knowledgePages.description,
      updatedAt: knowledgePages.updatedAt,
      publishedAt: knowledgePages.publishedAt,
    })
    .from(knowledgePages)
    .where(and(eq(knowledgePages.orgId, orgId), eq(knowledgePages.status, 'PUBLISHED')))
    .orderBy(asc(knowledgePages.publishedAt), asc(knowledgePages.id))
    .limit(1000);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? r.updatedAt }));
}
