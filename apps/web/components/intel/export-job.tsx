'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/jobs/fetch-json';
import { isActive, JobStatusBadge } from '@/components/jobs/job-status';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { describeError } from '@/lib/errors';
import type { Job } from '@/lib/types';

/** Follows a background export to its signed download (served through the web origin). */
export function ExportJob({ jobId }: { jobId: string }) {
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => fetchJson<Job>(`/v1/jobs/${jobId}`),
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.status) ? false : 2000),
  });
  if (job.error) return <Alert>{`Could not read the export’s status: ${describeError(job.error)}`}</Alert>;
  const j = job.data;
  if (!j)
    return (
      <p role="status" className="text-sm text-fg-muted">
        Waiting for the export to start…
      </p>
    );
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-border p-3"
      data-testid="export-job"
      data-status={j.status}
    >
      <p className="text-sm">
        Export <JobStatusBadge status={j.status} />
      </p>
      <Progress value={j.status === 'completed' ? 100 : j.progress} eta={j.eta} label="Export progress" />
      {j.error ? <Alert>{`Export failed: ${j.error}`}</Alert> : null}
      {j.status === 'completed' && j.download_url ? (
        <div role="status" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-ok">The export is ready.</span>
          <a className={buttonClass('primary', 'sm')} href={`/api/jobs/${j.id}/download`} download>
            Download export
          </a>
        </div>
      ) : null}
    </div>
  );
}
