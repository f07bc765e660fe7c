import { notFoundResponse, publicApi, textResponse, validOrg, validSlug } from '@/lib/pages-site';

// Published state changes at any moment: never prerender or cache these responses in the app.
export const dynamic = 'force-dynamic';

/** A published knowledge page: the document the API renders (and scores), served as is. */
export async function GET(_: Request, { params }: RouteContext<'/p/[org]/[slug]'>) {
  const { org, slug } = await params;
  if (!validOrg(org) || !validSlug(slug)) return notFoundResponse();
  const res = await publicApi(`${org}/pages/${slug}`);
  if (!res) return notFoundResponse();
  if (!res.ok) return res;
  const page = (await res.json()) as { html: string; page: { markdown_url: string } };
  const response = textResponse(page.html, 'text/html; charset=utf-8');
  response.headers.set('link', `<${page.page.markdown_url}>; rel="alternate"; type="text/markdown"`);
  return response;
}
