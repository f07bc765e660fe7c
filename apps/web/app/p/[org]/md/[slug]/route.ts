import { notFoundResponse, publicApi, textResponse, validOrg, validSlug } from '@/lib/pages-site';

// Published state changes at any moment: never prerender or cache these responses in the app.
export const dynamic = 'force-dynamic';

/** The Markdown twin of a published page (`/{slug}.md` on the site). */
export async function GET(_: Request, { params }: RouteContext<'/p/[org]/md/[slug]'>) {
  const { org, slug } = await params;
  if (!validOrg(org) || !validSlug(slug)) return notFoundResponse();
  const res = await publicApi(`${org}/pages/${slug}`);
  if (!res) return notFoundResponse();
  if (!res.ok) return res;
  const page = (await res.json()) as { markdown: string };
  return textResponse(page.markdown, 'text/markdown; charset=utf-8');
}
