import type { NextRequest } from 'next/server';
import { download } from '@/lib/download';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';

const FORMATS = new Set(['json', 'csv', 'pdf']);

/** Downloads a report (JSON, CSV or PDF) through the web origin with the caller's session. */
export async function GET(
  request: NextRequest,
  ctx: RouteContext<'/api/compliance/assessments/[id]/report'>,
) {
  const { id } = await ctx.params;
  const format = request.nextUrl.searchParams.get('format') ?? 'json';
  if (!/^[0-9a-f-]{36}$/i.test(id) || !FORMATS.has(format))
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No such report' } }, { status: 404 });
  try {
    const res = await fetch(`${apiBase()}/v1/assessments/${id}/report?format=${format}`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
    });
    return download(res, `assessment-${id.slice(0, 8)}.${format}`);
  } catch {
    return unreachable();
  }
}
