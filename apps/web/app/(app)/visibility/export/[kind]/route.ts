import type { NextRequest } from 'next/server';
import { download } from '@/lib/download';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';

const TARGETS: Record<string, { path: string; file: string }> = {
  metrics: { path: '/v1/visibility/metrics/export', file: 'visibility-metrics.csv' },
  answers: { path: '/v1/answers/export', file: 'visibility-answers.csv' },
};

/** CSV downloads (metrics, answers) through the web origin with the caller's session; filters pass through. */
export async function GET(request: NextRequest, ctx: RouteContext<'/visibility/export/[kind]'>) {
  const { kind } = await ctx.params;
  const target = TARGETS[kind];
  if (!target)
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No such export' } }, { status: 404 });
  try {
    const res = await fetch(`${apiBase()}${target.path}${request.nextUrl.search}`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
    });
    return download(res, target.file);
  } catch {
    return unreachable();
  }
}
