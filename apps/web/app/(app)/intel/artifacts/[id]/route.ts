import type { NextRequest } from 'next/server';
import { download } from '@/lib/download';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';

/** An agent's file (trend report, summaries), streamed through the web origin. */
export async function GET(_: NextRequest, ctx: RouteContext<'/intel/artifacts/[id]'>) {
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id))
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No such artifact' } }, { status: 404 });
  try {
    const res = await fetch(`${apiBase()}/v1/intel/artifacts/${id}/download`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
    });
    return download(res, `artifact-${id}`);
  } catch {
    return unreachable();
  }
}
