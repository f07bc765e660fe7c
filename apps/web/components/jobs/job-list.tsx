'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/card';
import { describeError } from '@/lib/errors';
import type { Job, Page } from '@/lib/types';
import { fetchJson } from './fetch-json';
import { JobRow } from './job-row';

/** Jobs, refreshed every 2 s while the tab is visible; the first page comes server-rendered. */
export function JobList({
  initial,
  canManage,
  query = '',
}: {
  initial: Page<Job>;
  canManage: boolean;
  query?: string;
}) {
  const path = `/v1/jobs?page[size]=20${query}`;
  const jobs = useQuery({
    queryKey: ['jobs', query],
    queryFn: () => fetchJson<Page<Job>>(path),
    initialData: initial,
    refetchInterval: 2000,
  });
  return (
    <div>
      {jobs.error ? <Alert>Could not refresh: {describeError(jobs.error)}</Alert> : null}
      {jobs.data.data.length === 0 ? (
        <EmptyState title="No jobs yet">Exports and module work appear here.</EmptyState>
      ) : null}
      <ul className="divide-y divide-border" aria-label="Jobs" aria-live="polite" aria-busy={jobs.isFetching}>
        {jobs.data.data.map((job) => (
          <JobRow key={job.id} job={job} canManage={canManage} onChange={() => void jobs.refetch()} />
        ))}
      </ul>
    </div>
  );
}
