import type { NextRequest } from 'next/server';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';
import type { Job } from '@/lib/types';

/** Streams a finished job's file through the web origin, so the browser never needs to reach the API. */
export async function GET(_: NextRequest, ctx: RouteContext<'/api/jobs/[id]/download'>) {
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id))
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No such job' } }, { status: 404 });
  try {
    const jobRes = await fetch(`${apiBase()}/v1/jobs/${id}`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
    });
    if (!jobRes.ok)
      return new Response(jobRes.body, {
        status: jobRes.status,
        headers: { 'content-type': 'application/json' },
      });
    const job = (await jobRes.json()) as Job;
    if (!job.download_url) {
      return Response.json(
        { error: { code: 'NOT_READY', message: 'This job has no file to download (yet).' } },
        { status: 409 },
      );
    }
    const file = await fetch(job.download_url, { cache: 'no-store' });
    if (!file.ok || !file.body)
      return Response.json(
        { error: { code: 'DOWNLOAD_FAILED', message: 'The file could not be fetched.' } },
        { status: 502 },
      );
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const h of ['content-type', 'content-length', 'content-disposition']) {
      const v = file.headers.get(h);
      if (v) headers.set(h, v);
    }
    if (!headers.has('content-disposition'))
      headers.set('content-disposition', `attachment; filename="assay-${id}.json"`);
    return new Response(file.body, { status: 200, headers });
  } catch {
    return unreachable();
  }
}
