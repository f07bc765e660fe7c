import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { TLP_LEVELS } from '@/lib/intel-format';
import type { Report } from '@/lib/intel-types';
import { isReportType, REPORT_MAX_BYTES } from '@/lib/intel-uploads';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';
import { fail, mediaTypeOf, streamUpload, type UploadStarted } from '@/lib/upload-relay';

const query = z.object({
  filename: z.string().trim().min(1).max(255),
  project_id: z.uuid(),
  tlp: z.enum(TLP_LEVELS as [string, ...string[]]).optional(),
  title: z.string().trim().min(1).max(300).optional(),
});

/** A report file from the browser to storage through the API's upload flow; confirming queues extraction. */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const params = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return fail(422, 'VALIDATION_ERROR', 'Choose a project and a file (and a valid TLP).');
  const contentType = mediaTypeOf(request);
  if (!isReportType(contentType))
    return fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload a PDF, HTML, Markdown or plain-text report.');
  return streamUpload<UploadStarted & { report: Report }>(request, {
    contentType,
    maxBytes: REPORT_MAX_BYTES,
    startPath: '/v1/intel/reports/uploads',
    fields: params.data,
    confirmPath: (started) => `/v1/intel/reports/${started.report.id}/confirm`,
  });
}
