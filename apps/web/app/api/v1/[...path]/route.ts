import type { NextRequest } from 'next/server';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';

/**
 * Same-origin, read-only window on the API for client components (job polling). Changes go through
 * server actions, which Next.js protects against CSRF; this handler only answers GET.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/v1/[...path]'>) {
  const { path } = await ctx.params;
  const target = `${apiBase()}/v1/${path.map(encodeURIComponent).join('/')}${request.nextUrl.search}`;
  try {
    const res = await fetch(target, { headers: await forwardHeaders(), cache: 'no-store' });
    return new Response(res.body, {
      status: res.status,
      headers: {
        'content-type': res.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
      },
    });
  } catch {
    return unreachable();
  }
}
