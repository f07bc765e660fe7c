import { notFoundResponse, publicApi, textResponse, validOrg } from '@/lib/pages-site';

// Published state changes at any moment: never prerender or cache these responses in the app.
export const dynamic = 'force-dynamic';

/** The site's sitemap.xml, built by the API from its published pages. */
export async function GET(_: Request, { params }: RouteContext<'/p/[org]/sitemap.xml'>) {
  const { org } = await params;
  if (!validOrg(org)) return notFoundResponse();
  const res = await publicApi(`${org}/sitemap.xml`);
  if (!res) return notFoundResponse();
  if (!res.ok) return res;
  return textResponse(await res.text(), 'application/xml; charset=utf-8');
}
