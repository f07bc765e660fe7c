import { notFoundResponse, publicApi, textResponse, validOrg } from '@/lib/pages-site';

// Published state changes at any moment: never prerender or cache these responses in the app.
export const dynamic = 'force-dynamic';

/** The site's llms.txt, built by the API from its published pages. */
export async function GET(_: Request, { params }: RouteContext<'/p/[org]/llms.txt'>) {
  const { org } = await params;
  if (!validOrg(org)) return notFoundResponse();
  const res = await publicApi(`${org}/llms.txt`);
  if (!res) return notFoundResponse();
  if (!res.ok) return res;
  return textResponse(await res.text(), 'text/plain; charset=utf-8');
}
