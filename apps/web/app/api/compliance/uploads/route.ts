import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { ComplianceDocument } from '@/lib/compliance-types';
import { crossSiteRefused, isSameOrigin } from '@/lib/same-origin';
import { fail, mediaTypeOf, streamUpload, type UploadStarted } from '@/lib/upload-relay';
import { isUploadType } from '@/lib/uploads';

const query = z.object({ project_id: z.uuid(), filename: z.string().trim().min(1).max(255) });

/** Hard ceiling here; the API applies the organization's own (smaller) limit when the upload starts. */
const CEILING = 200 * 1024 * 1024;

/** A policy document from the browser to storage through the API's upload flow, then confirmed. */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request.headers)) return crossSiteRefused();
  const params = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return fail(400, 'VALIDATION_ERROR', 'Choose a project and a file name.');
  const contentType = mediaTypeOf(request);
  if (!isUploadType(contentType))
    return fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'This file type is not supported.');
  return streamUpload<UploadStarted & { document: ComplianceDocument }>(request, {
    contentType,
    maxBytes: CEILING,
    startPath: '/v1/compliance/documents',
    fields: params.data,
    confirmPath: (started) => `/v1/compliance/documents/${started.document.id}/confirm`,
  });
}
