'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { formatDate } from '@/components/ui/dates';
import { Progress } from '@/components/ui/progress';
import type { Job } from '@/lib/types';
import { cancelJob, retryJob } from './actions';
import { canRetry, isActive, JobStatusBadge } from './job-status';

export function JobRow({ job, canManage, onChange }: { job: Job; canManage: boolean; onChange: () => void }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ error?: string; message?: string }>({});
  const run = (fn: (id: string) => Promise<{ error?: string; message?: string }>) =>
    start(async () => {
      setMessage(await fn(job.id));
      onChange();
    });
  return (
    <li
      className="flex flex-col gap-2 py-3"
      data-testid="job-row"
      data-job-id={job.id}
      data-status={job.status}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="min-w-0">
          <span className="font-mono font-medium">{job.name}</span> <JobStatusBadge status={job.status} />
          <span className="block text-xs text-fg-muted">
            created {formatDate(job.created_at)} · attempt {job.attempts}/{job.max_attempts}
            {job.finished_at ? ` · finished ${formatDate(job.finished_at)}` : ''}
          </span>
        </span>
        <span className="flex gap-2">
          {job.download_url ? (
            <a className={buttonClass('secondary', 'sm')} href={`/api/jobs/${job.id}/download`} download>
              Download
            </a>
          ) : null}
          {canManage && canRetry(job.status) ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run(retryJob)}
              aria-label={`Retry job ${job.name}`}
            >
              {pending ? 'Retrying…' : 'Retry'}
            </Button>
          ) : null}
          {canManage && isActive(job.status) ? (
            <Button
              size="sm"
              variant="danger"
              disabled={pending}
              onClick={() => run(cancelJob)}
              aria-label={`Cancel job ${job.name}`}
            >
              Cancel
            </Button>
          ) : null}
        </span>
      </div>
      {isActive(job.status) ? (
        <Progress value={job.progress} eta={job.eta} label={`Progress of ${job.name}`} />
      ) : null}
      {job.error && !isActive(job.status) ? <p className="text-sm text-danger">Error: {job.error}</p> : null}
      {message.error ? <Alert>{message.error}</Alert> : null}
    </li>
  );
}
