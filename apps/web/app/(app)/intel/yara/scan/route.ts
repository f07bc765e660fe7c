import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';
import { SCAN_MAX_BYTES } from '@/lib/intel-uploads';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';
import { fail, relay } from '@/lib/upload-relay';

const query = z.object({
  project_id: z.uuid(),
  filename: z.string().trim().min(1).max(255),
  rule_set_ids: z
    .string()
    .max(2000)
    .regex(/^[0-9a-f,-]*$/i)
    .optional(),
});

/** Streams a file to scan (any bytes) to the API, which queues the scan; the browser polls the result. */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const params = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return fail(422, 'VALIDATION_ERROR', 'Choose a project and a file to scan.');
  const size = Number(request.headers.get('content-length') ?? '');
  if (!Number.isInteger(size) || size <= 0) return fail(422, 'VALIDATION_ERROR', 'The file is empty.');
  if (size > SCAN_MAX_BYTES) return fail(413, 'PAYLOAD_TOO_LARGE', 'The file is too large to scan here.');
  if (!request.body) return fail(422, 'VALIDATION_ERROR', 'The file is empty.');
  const q = new URLSearchParams({ project_id: params.data.project_id, filename: params.data.filename });
  if (params.data.rule_set_ids) q.set('rule_set_ids', params.data.rule_set_ids);
  try {
    const res = await fetch(`${apiBase()}/v1/intel/yara/scans?${q}`, {
      method: 'POST',
      headers: {
        ...(await forwardHeaders()),
        'content-type': 'application/octet-stream',
        'content-length': String(size),
      },
      body: request.body, // streamed: this route is left out of the request proxy, which would buffer it
      duplex: 'half',
      cache: 'no-store',
    } as RequestInit & { duplex: 'half' });
    return relay(res);
  } catch {
    return unreachable();
  }
}
