import { type NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { describeError, toApiError } from '@/lib/errors';
import { apiBase, forwardHeaders } from '@/lib/forward';
import { exportBody, exportSchema } from '@/lib/intel-exports';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';
import { formObject } from '@/lib/schemas';

const back = (request: NextRequest, params: Record<string, string>) =>
  NextResponse.redirect(new URL(`/intel/exports?${new URLSearchParams(params)}`, request.url), 303);

/**
 * The export form posts here (a plain form, so the browser saves the file itself): small exports come
 * back as the file; large or background ones become a job the exports page follows to its download.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const form = await request.formData().catch(() => null);
  if (!form) return back(request, { error: 'The form could not be read. Try again.' });
  const parsed = exportSchema.safeParse(formObject(form, ['types']));
  if (!parsed.success) return back(request, { error: parsed.error.issues.map((i) => i.message).join('; ') });
  let res: Response;
  try {
    res = await fetch(`${apiBase()}/v1/intel/exports`, {
      method: 'POST',
      headers: { ...(await forwardHeaders()), 'content-type': 'application/json' },
      body: JSON.stringify(exportBody(parsed.data)),
      cache: 'no-store',
    });
  } catch {
    return back(request, { error: 'The Assay API cannot be reached. Is it running?' });
  }
  if (res.status === 401) return NextResponse.redirect(new URL('/signin?expired=1', request.url), 303);
  if (!res.ok) return back(request, { error: describeError(await toApiError(res)) });
  if (res.status === 202) {
    const { job_id } = z.object({ job_id: z.string() }).parse(await res.json());
    return back(request, { job: job_id });
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const h of ['content-type', 'content-length', 'content-disposition']) {
    const v = res.headers.get(h);
    if (v) headers.set(h, v);
  }
  if (!headers.has('content-disposition'))
    headers.set('content-disposition', 'attachment; filename="intel-export"');
  return new Response(res.body, { status: 200, headers });
}
