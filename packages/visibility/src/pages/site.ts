/** Where an organization's knowledge site lives, and the site-level files built from its pages. */
export interface SiteInfo {
  orgSlug: string;
  orgName: string;
  /** No trailing slash: `https://acme.pages.example.com` or `http://localhost:3000/p/acme`. */
  baseUrl: string;
}

export interface SiteConfig {
  PAGES_DOMAIN?: string;
  publicWebUrl: string;
}

/**
 * `{org}.{PAGES_DOMAIN}` when a pages domain is configured, the web app's `/p/{org}` path otherwise.
 * The scheme is the web app's (https in production, http for a local `localhost:3000`).
 */
export function siteBaseUrl(orgSlug: string, config: SiteConfig): string {
  const scheme = new URL(config.publicWebUrl).protocol;
  if (config.PAGES_DOMAIN) return `${scheme}//${orgSlug}.${config.PAGES_DOMAIN}`;
  return `${config.publicWebUrl.replace(/\/$/, '')}/p/${orgSlug}`;
}

export const pageUrl = (site: SiteInfo, slug: string) => `${site.baseUrl}/${slug}`;
export const markdownUrl = (site: SiteInfo, slug: string) => `${site.baseUrl}/${slug}.md`;

export interface SitePageSummary {
  slug: string;
  title: string;
  description: string;
  updatedAt: Date;
}

/** `/llms.txt` as the llms.txt proposal shapes it: an H1, a one-line summary, then linked sections. */
export function buildLlmsTxt(site: SiteInfo, pages: SitePageSummary[]): string {
  const lines = [
    `# ${site.orgName}`,
    '',
    `> Knowledge pages published by ${site.orgName}.`,
    '',
    '## Pages',
    '',
  ];
  for (const p of pages) {
    const description = p.description ? `: ${p.description.replace(/\s+/g, ' ').trim()}` : '';
    lines.push(`- [${p.title.replace(/[[\]]/g, '')}](${markdownUrl(site, p.slug)})${description}`);
  }
  if (!pages.length) lines.push('No pages are published yet.');
  return `${lines.join('\n')}\n`;
}

/** The knowledge site welcomes every crawler, AI crawlers included; that is its purpose. */
export function buildRobotsTxt(site: SiteInfo): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}/sitemap.xml\n`;
}

export function buildSitemap(site: SiteInfo, pages: SitePageSummary[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = pages
    .map(
      (p) =>
        `  <url><loc>${esc(pageUrl(site, p.slug))}</loc><lastmod>${p.updatedAt.toISOString()}</lastmod></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
