import { scorePage } from '../health/score.ts';
import type { HealthReport } from '../health/types.ts';
import { renderMarkdownTwin, renderPageDocument } from './render/document.ts';
import { buildLlmsTxt, buildRobotsTxt, pageUrl, type SiteInfo, type SitePageSummary } from './site.ts';
import type { JsonLdBlock, PageFields } from './structured-data.ts';

/**
 * The health of a knowledge page as it will be served: its document, the site's robots.txt and
 * llms.txt (with this page listed), and its Markdown twin. Deterministic for a given `at`.
 */
export function scoreKnowledgePage(
  site: SiteInfo,
  page: PageFields,
  jsonLd: JsonLdBlock[],
  otherPages: SitePageSummary[],
  at: Date,
): HealthReport {
  const listed = [...otherPages.filter((p) => p.slug !== page.slug), page];
  return scorePage({
    url: pageUrl(site, page.slug),
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: renderPageDocument({ site, page, jsonLd }),
    robotsTxt: buildRobotsTxt(site),
    llmsTxt: buildLlmsTxt(site, listed),
    markdownTwin: renderMarkdownTwin(page),
    fetchedAt: at,
  });
}
