'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/jobs/fetch-json';
import type { Assessment } from '@/lib/compliance-types';

/**
 * Follows an assessment every 2 s (ADR-002) while it is processing. The first answer (from starting it)
 * counts as fresh, so the first poll comes 2 s later and the progress bar is always seen.
 */
export function useAssessment(initial: Assessment) {
  return useQuery({
    queryKey: ['assessment', initial.id],
    queryFn: () => fetchJson<Assessment>(`/v1/assessments/${initial.id}`),
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) => (q.state.data?.status === 'processing' ? 2000 : false),
  });
}
