import { notFoundResponse, publicApi, textResponse, validOrg } from '@/lib/pages-site';

// Published state changes at any moment: never prerender or cache these responses in the app.
export const dynamic = 'force-dynamic';

interface Site {
  organization: { name: string; slug: string };
  site_url: string;
  pages: { slug: string; title: string; description: string; url: string }[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The site's home: the list of published pages, linked for people and crawlers alike. */
export async function GET(_: Request, { params }: RouteContext<'/p/[org]'>) {
  const { org } = await params;
  if (!validOrg(org)) return notFoundResponse();
  const res = await publicApi(org);
  if (!res) return notFoundResponse();
  if (!res.ok) return res;
  const site = (await res.json()) as Site;
  const name = esc(site.organization.name);
  const items = site.pages
    .map(
      (p) =>
        `<li><a href="${esc(p.url)}">${esc(p.title)}</a>${p.description ? `<p>${esc(p.description)}</p>` : ''}</li>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title><link rel="canonical" href="${esc(site.site_url)}">
<style>body{font:17px/1.6 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1.25rem}li{margin-bottom:1rem}li p{margin:.25rem 0 0;color:#555}</style>
</head><body><main><h1>${name}</h1>
${items ? `<ul>${items}</ul>` : '<p>No pages are published yet.</p>'}
<p><a href="${esc(site.site_url)}llms.txt">llms.txt</a></p></main></body></html>`;
  return textResponse(html, 'text/html; charset=utf-8');
}
