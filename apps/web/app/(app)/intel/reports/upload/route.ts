import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';
import { TLP_LEVELS } from '@/lib/intel-format';
import { fail, relay } from '@/lib/intel-relay';
import type { Report } from '@/lib/intel-types';
import { isReportType, REPORT_MAX_BYTES } from '@/lib/intel-uploads';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';

const query = z.object({
  filename: z.string().trim().min(1).max(255),
  project_id: z.uuid(),
  tlp: z.enum(TLP_LEVELS as [string, ...string[]]).optional(),
  title: z.string().trim().min(1).max(300).optional(),
});

interface Started {
  report: Report;
  upload: { url: string; method: 'PUT'; headers: Record<string, string> };
}

/**
 * One request from the browser (XMLHttpRequest, for upload progress): start the report upload at the
 * API, stream the body to the presigned URL, then confirm, which queues the extraction. The browser
 * never reaches the API or the storage origin itself.
 */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const params = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return fail(422, 'VALIDATION_ERROR', 'Choose a project and a file (and a valid TLP).');
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!isReportType(contentType))
    return fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload a PDF, HTML, Markdown or plain-text report.');
  const size = Number(request.headers.get('content-length') ?? '');
  if (!Number.isInteger(size) || size <= 0) return fail(411, 'LENGTH_REQUIRED', 'The upload has no length.');
  if (size > REPORT_MAX_BYTES) return fail(413, 'PAYLOAD_TOO_LARGE', 'The file is too large.');
  if (!request.body) return fail(400, 'BAD_REQUEST', 'The upload is empty.');

  const headers = await forwardHeaders();
  try {
    const startRes = await fetch(`${apiBase()}/v1/intel/reports/uploads`, {
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
    const confirmRes = await fetch(`${apiBase()}/v1/intel/reports/${started.report.id}/confirm`, {
      method: 'POST',
      headers,
      cache: 'no-store',
    });
    return relay(confirmRes);
  } catch {
    return unreachable();
  }
}
