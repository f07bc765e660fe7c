'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/jobs/fetch-json';
import { isRunActive, type ScanRun } from '@/lib/visibility-types';

/** Follows a run every 2 s while it is queued or running; stops once it is finished. */
export function useScanRun(initial: ScanRun) {
  return useQuery({
    queryKey: ['scan-run', initial.id],
    queryFn: () => fetchJson<ScanRun>(`/v1/scan-runs/${initial.id}`),
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) => (q.state.data && isRunActive(q.state.data.status) ? 2000 : false),
  });
}
