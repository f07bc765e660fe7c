import { markdownUrl, pageUrl, type SiteInfo } from '../site.ts';
import type { JsonLdBlock, PageFields } from '../structured-data.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

export interface RenderInput {
  site: SiteInfo;
  page: PageFields;
  jsonLd: JsonLdBlock[];
  /** Drafts are previewed with noindex; the health score is computed as if published. */
  draft?: boolean;
}

/** JSON inside <script>: `<` escaped so no `</script>` in a value can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `body{font:17px/1.6 system-ui,sans-serif;margin:0;color:#1b1b1f;background:#fff}
header,nav,main,footer{max-width:44rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.25rem;font-weight:600}header a{color:inherit;text-decoration:none}
nav ol{list-style:none;display:flex;gap:.5rem;padding:0;font-size:.9rem;color:#555}nav li+li:before{content:"/";margin-right:.5rem}
h1{font-size:2rem;line-height:1.2}.lead{font-size:1.15rem;color:#444}
footer{border-top:1px solid #ddd;margin-top:3rem;padding-bottom:2rem;font-size:.9rem;color:#555}
a{color:#1d4ed8}pre{overflow:auto;background:#f4f4f5;padding:.75rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.lead,nav ol,footer{color:#aaa}a{color:#93c5fd}pre{background:#222}}`;

/**
 * The whole public HTML document of a knowledge page. The web app serves exactly this, and the
 * health score of a draft is computed on exactly this, so the score is the score of what is served.
 */
export function renderPageDocument({ site, page, jsonLd, draft }: RenderInput): string {
  const url = pageUrl(site, page.slug);
  const md = markdownUrl(site, page.slug);
  const modified = page.updatedAt.toISOString();
  const home = `${site.baseUrl}/`;
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${e(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(page.title)}</title>
${page.description ? `<meta name="description" content="${e(page.description)}">\n` : ''}${draft ? '<meta name="robots" content="noindex">\n' : ''}<link rel="canonical" href="${e(url)}">
<link rel="alternate" type="text/markdown" href="${e(md)}">
<meta property="og:type" content="${page.pageType === 'Article' ? 'article' : 'website'}">
<meta property="og:title" content="${e(page.title)}">
<meta property="og:site_name" content="${e(site.orgName)}">
<meta property="og:url" content="${e(url)}">
<meta property="article:modified_time" content="${modified}">
${jsonLd.map((block) => `<script type="application/ld+json">${scriptJson(block)}</script>`).join('\n')}
<style>${STYLE}</style>
</head>
<body>
<header><a href="${e(home)}">${e(site.orgName)}</a></header>
<nav aria-label="Breadcrumb"><ol><li><a href="${e(home)}">${e(site.orgName)}</a></li><li aria-current="page">${e(page.title)}</li></ol></nav>
<main>
<article>
<h1>${e(page.title)}</h1>
${page.description ? `<p class="lead">${e(page.description)}</p>\n` : ''}${renderMarkdown(page.bodyMd)}
<p>Updated <time datetime="${modified}">${modified.slice(0, 10)}</time>.</p>
</article>
</main>
<footer><p>Published by ${e(site.orgName)}. <a href="${e(md)}">Read this page as Markdown</a> · <a href="${e(site.baseUrl)}/llms.txt">llms.txt</a></p></footer>
</body>
</html>
`;
}

/** The Markdown twin served at `{page}.md`: the same content, for readers that prefer Markdown. */
export function renderMarkdownTwin(
  page: Pick<PageFields, 'title' | 'description' | 'bodyMd' | 'updatedAt'>,
): string {
  const parts = [`# ${page.title}`];
  if (page.description) parts.push(`> ${page.description}`);
  parts.push(page.bodyMd.trim(), `_Updated ${page.updatedAt.toISOString().slice(0, 10)}._`);
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
