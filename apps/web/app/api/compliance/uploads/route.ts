import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { ComplianceDocument } from '@/lib/compliance-types';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';
import { isUploadType } from '@/lib/uploads';

const query = z.object({ project_id: z.uuid(), filename: z.string().trim().min(1).max(255) });

/** Hard ceiling here; the API applies the organization's own (smaller) limit when the upload starts. */
const CEILING = 200 * 1024 * 1024;

const fail = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message, details: [], trace_id: null } }, { status });

interface Started {
  document: ComplianceDocument;
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
}

/**
 * One request from the browser (sent with XMLHttpRequest, so it gets upload progress events):
 * start the upload at the API, stream the body to the presigned URL as it arrives, then confirm.
 * The browser never reaches the API or the storage origin itself: the API's CORS does not allow PUT,
 * and in services mode the storage endpoint may not be reachable (or CORS-configured) from browsers.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const params = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return fail(400, 'VALIDATION_ERROR', 'Choose a project and a file name.');
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!isUploadType(contentType))
    return fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'This file type is not supported.');
  const size = Number(request.headers.get('content-length') ?? '');
  if (!Number.isInteger(size) || size <= 0) return fail(411, 'LENGTH_REQUIRED', 'The upload has no length.');
  if (size > CEILING) return fail(413, 'PAYLOAD_TOO_LARGE', 'The file is too large.');
  if (!request.body) return fail(400, 'BAD_REQUEST', 'The upload is empty.');

  const headers = await forwardHeaders();
  try {
    const startRes = await fetch(`${apiBase()}/v1/compliance/documents`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...params.data, content_type: contentType, size_bytes: size }),
      cache: 'no-store',
    });
    if (!startRes.ok) return relay(startRes);
    const started = (await startRes.json()) as Started;

    let put: Response;
    try {
      put = await fetch(started.upload.url, {
        method: 'PUT',
        headers: { ...started.upload.headers, 'content-length': String(size) },
        body: request.body,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
    } catch {
      return fail(502, 'UPLOAD_FAILED', 'The file could not be stored. Try again.');
    }
    if (!put.ok) return relay(put, 502);

    const confirmRes = await fetch(`${apiBase()}/v1/compliance/documents/${started.document.id}/confirm`, {
      method: 'POST',
      headers,
      cache: 'no-store',
    });
    return relay(confirmRes);
  } catch {
    return unreachable();
  }
}

/** The API's (or storage's) answer as is: its JSON error envelope carries the reason. */
async function relay(res: Response, statusOverride?: number): Promise<Response> {
  const text = await res.text();
  const json = text.startsWith('{');
  return new Response(
    json
      ? text
      : JSON.stringify({
          error: {
            code: `HTTP_${res.status}`,
            message: text || `The upload failed (${res.status}).`,
            details: [],
            trace_id: null,
          },
        }),
    {
      status: res.ok ? res.status : (statusOverride ?? res.status),
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    },
  );
}
