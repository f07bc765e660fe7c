import type { NextRequest } from 'next/server';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';

/** The invoice PDF through the web origin; Stripe's own PDF by redirect. */
export async function GET(_: NextRequest, ctx: RouteContext<'/billing/invoices/[id]'>) {
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id))
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No such invoice' } }, { status: 404 });
  try {
    const res = await fetch(`${apiBase()}/v1/billing/invoices/${id}/download`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
      redirect: 'manual',
    });
    const location = res.headers.get('location');
    if (res.status === 302 && location?.startsWith('https://')) return Response.redirect(location, 302);
    const headers = new Headers({ 'cache-control': 'private, no-store' });
    for (const h of ['content-type', 'content-length', 'content-disposition']) {
      const v = res.headers.get(h);
      if (v) headers.set(h, v);
    }
    return new Response(res.body, { status: res.status, headers });
  } catch {
    return unreachable();
  }
}
