'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { describeError } from '@/lib/errors';
import type { Job } from '@/lib/types';
import { startExport } from './actions';
import { fetchJson } from './fetch-json';
import { isActive, JobStatusBadge } from './job-status';

/** Start an export and follow it to the download. */
export function ExportPanel() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => fetchJson<Job>(`/v1/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.status) ? false : 2000),
  });
  const begin = () =>
    start(async () => {
      setError(null);
      const res = await startExport();
      if (res.error) setError(res.error);
      if (res.jobId) setJobId(res.jobId);
      void client.invalidateQueries({ queryKey: ['jobs'] });
    });
  const current = job.data;
  return (
    <div className="flex flex-col gap-3" data-testid="export-panel">
      <div>
        <Button onClick={begin} disabled={pending || (current ? isActive(current.status) : false)}>
          {pending ? 'Starting…' : 'Start export'}
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {job.error ? <Alert>Could not read the export’s status: {describeError(job.error)}</Alert> : null}
      {jobId && !current && !job.error ? (
        <p role="status" className="text-sm text-fg-muted">
          Waiting for the export to start…
        </p>
      ) : null}
      {current ? (
        <div className="flex flex-col gap-2 rounded-md border border-border p-3" data-status={current.status}>
          <p className="text-sm">
            Export <JobStatusBadge status={current.status} />
          </p>
          <Progress
            value={current.status === 'completed' ? 100 : current.progress}
            eta={current.eta}
            label="Export progress"
          />
          {current.error ? <Alert>Export failed: {current.error}</Alert> : null}
          {current.status === 'completed' ? (
            <div role="status" className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-ok">Your export is ready.</span>
              {current.download_url ? (
                <a
                  className={buttonClass('primary', 'sm')}
                  href={`/api/jobs/${current.id}/download`}
                  download
                >
                  Download export
                </a>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
