'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/jobs/fetch-json';
import type { ComplianceDocument } from '@/lib/compliance-types';

export const isDocumentBusy = (d: ComplianceDocument | undefined) =>
  !d || d.status === 'processing' || d.status === 'awaiting_upload';

/** Follows a document's text extraction every 2 s until it is ready or failed. */
export function useDocument(id: string | null, initial?: ComplianceDocument) {
  return useQuery({
    queryKey: ['document', id],
    queryFn: () => fetchJson<ComplianceDocument>(`/v1/compliance/documents/${id}`),
    enabled: id !== null,
    initialData: initial,
    refetchInterval: (q) => (isDocumentBusy(q.state.data) ? 2000 : false),
  });
}
