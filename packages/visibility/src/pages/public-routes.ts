import { notFound, type Platform } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgSlugParam, publicPageView, publicSiteView } from './contracts.ts';
import { renderMarkdownTwin, renderPageDocument } from './render/document.ts';
import { knowledgePages } from './schema.ts';
import { buildLlmsTxt, buildRobotsTxt, buildSitemap, markdownUrl, pageUrl } from './site.ts';
import { publishedPages, siteForSlug } from './site-store.ts';
import { fieldsOf } from './view.ts';

const tags = ['visibility'];
const siteParams = z.object({ org: orgSlugParam });
const pageParams = siteParams.extend({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) });
const publicConfig = { auth: 'public' as const };

function cacheable(reply: FastifyReply, type?: string) {
  reply.header('Cache-Control', 'public, max-age=60');
  if (type) reply.type(type);
}

/**
 * What the web app serves on an organization's knowledge site. Only PUBLISHED pages exist here:
 * drafts, unknown slugs and unknown organizations all answer the same 404 (the same message too, so
 * the answer never tells which organization slugs exist), and so does a site with no published page.
 */
export async function publicSiteRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** A site exists only while it has a published page: an organization's name is never shown otherwise. */
  const liveSite = async (org: string) => {
    const s = await siteForSlug(platform.db, org, platform.config);
    const pages = s ? await publishedPages(platform.db, s.orgId) : [];
    if (!s || !pages.length) throw notFound('Site');
    return { ...s, pages };
  };

  r.get(
    '/public/sites/:org',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A knowledge site: its published pages',
        params: siteParams,
        response: { 200: publicSiteView },
      },
    },
    async (request, reply) => {
      const s = await liveSite(request.params.org);
      const pages = s.pages;
      cacheable(reply);
      return {
        organization: { name: s.orgName, slug: s.orgSlug },
        site_url: `${s.baseUrl}/`,
        pages: pages.map((p) => ({
          slug: p.slug,
          title: p.title,
          description: p.description,
          url: pageUrl(s, p.slug),
          markdown_url: markdownUrl(s, p.slug),
          published_at: p.publishedAt.toISOString(),
          updated_at: p.updatedAt.toISOString(),
        })),
      };
    },
  );
  r.get(
    '/public/sites/:org/pages/:slug',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A published page: its HTML document, Markdown twin and JSON-LD',
        params: pageParams,
        response: { 200: publicPageView },
      },
    },
    async (request, reply) => {
      const s = await siteForSlug(platform.db, request.params.org, platform.config);
      if (!s) throw notFound('Page'); // the same answer as a draft or unknown page of a known site
      const [row] = await platform.db
        .select()
        .from(knowledgePages)
        .where(
          and(
            eq(knowledgePages.orgId, s.orgId),
            eq(knowledgePages.slug, request.params.slug),
            eq(knowledgePages.status, 'PUBLISHED'),
          ),
        );
      if (!row) throw notFound('Page');
      const fields = fieldsOf(row);
      cacheable(reply);
      return {
        organization: { name: s.orgName, slug: s.orgSlug },
        page: {
          slug: row.slug,
          title: row.title,
          description: row.description,
          language: row.language,
          url: pageUrl(s, row.slug),
          markdown_url: markdownUrl(s, row.slug),
          published_at: (row.publishedAt ?? row.updatedAt).toISOString(),
          updated_at: row.updatedAt.toISOString(),
        },
        html: renderPageDocument({ site: s, page: fields, jsonLd: row.jsonLd }),
        markdown: renderMarkdownTwin(fields),
        json_ld: row.jsonLd,
      };
    },
  );
  const textFile = (name: string, type: string, build: (s: Awaited<ReturnType<typeof liveSite>>) => string) =>
    r.get(
      `/public/sites/:org/${name}`,
      { config: publicConfig, schema: { tags, summary: `The site's ${name}`, params: siteParams } },
      async (request, reply) => {
        const s = await liveSite(request.params.org);
        cacheable(reply, type);
        return build(s);
      },
    );
  textFile('llms.txt', 'text/plain; charset=utf-8', (s) => buildLlmsTxt(s, s.pages));
  textFile('robots.txt', 'text/plain; charset=utf-8', (s) => buildRobotsTxt(s));
  textFile('sitemap.xml', 'application/xml; charset=utf-8', (s) => buildSitemap(s, s.pages));
}
