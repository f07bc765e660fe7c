import type { NextRequest } from 'next/server';
import { apiBase, forwardHeaders, unreachable } from './forward';

/** An answer of the web app's own upload routes, in the API's error envelope. */
export const fail = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message, details: [], trace_id: null } }, { status });

/** The API's (or storage's) answer as is: its JSON error envelope carries the reason. */
export async function relay(res: Response, statusOverride?: number): Promise<Response> {
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

/** What the API answers when an upload starts: the resource, and where to PUT the bytes. */
export interface UploadStarted {
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
}

/**
 * One request from the browser (sent with XMLHttpRequest, for upload progress events): start the upload
 * at the API (`startPath` with `fields` plus the type and size), stream the body to the presigned URL
 * as it arrives, then confirm. The browser never reaches the API or the storage origin itself: the API's
 * CORS does not allow PUT, and in services mode the storage endpoint may not be reachable from browsers.
 * The caller has checked the origin, the query and the content type.
 */
export async function streamUpload<S extends UploadStarted>(
  request: NextRequest,
  options: {
    contentType: string;
    maxBytes: number;
    startPath: string;
    fields: Record<string, unknown>;
    confirmPath: (started: S) => string;
  },
): Promise<Response> {
  const size = Number(request.headers.get('content-length') ?? '');
  if (!Number.isInteger(size) || size <= 0) return fail(411, 'LENGTH_REQUIRED', 'The upload has no length.');
  if (size > options.maxBytes) return fail(413, 'PAYLOAD_TOO_LARGE', 'The file is too large.');
  if (!request.body) return fail(400, 'BAD_REQUEST', 'The upload is empty.');

  const headers = await forwardHeaders();
  try {
    const startRes = await fetch(`${apiBase()}${options.startPath}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...options.fields, content_type: options.contentType, size_bytes: size }),
      cache: 'no-store',
    });
    if (!startRes.ok) return relay(startRes);
    const started = (await startRes.json()) as S;
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
    const confirmRes = await fetch(`${apiBase()}${options.confirmPath(started)}`, {
      method: 'POST',
      headers,
      cache: 'no-store',
    });
    return relay(confirmRes);
  } catch {
    return unreachable();
  }
}

/** The request's media type without parameters, lower-cased. */
export const mediaTypeOf = (request: NextRequest) =>
  (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
