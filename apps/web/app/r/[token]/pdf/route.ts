import type { NextRequest } from 'next/server';
import { download } from '@/lib/download';
import { apiBase, unreachable, visitorHeaders } from '@/lib/forward';

/** The shared report as PDF: public like the page, so no session is sent. */
export async function GET(_: NextRequest, ctx: RouteContext<'/r/[token]/pdf'>) {
  const { token } = await ctx.params;
  if (!/^[\w-]{1,100}$/.test(token)) return new Response('This link is no longer valid.', { status: 404 });
  try {
    const res = await fetch(`${apiBase()}/v1/public/reports/${token}?format=pdf`, {
      cache: 'no-store',
      headers: await visitorHeaders(),
    });
    if (res.status === 404) return new Response('This link is no longer valid.', { status: 404 });
    const out = download(res, 'compliance-report.pdf');
    out.headers.set('x-robots-tag', 'noindex');
    return out;
  } catch {
    return unreachable();
  }
}
