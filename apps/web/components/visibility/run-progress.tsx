'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { cancelScanRun } from '@/app/(app)/visibility/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { formatDate } from '@/components/ui/dates';
import { Progress } from '@/components/ui/progress';
import { SubmitButton } from '@/components/ui/submit-button';
import { describeError } from '@/lib/errors';
import { micros } from '@/lib/visibility-format';
import { isRunActive, type ScanRun } from '@/lib/visibility-types';
import { RunFailures } from './run-failures';
import { RunStatusBadge } from './status-badge';
import { useScanRun } from './use-scan-run';

const OUTCOME: Partial<Record<ScanRun['status'], string>> = {
  DONE: 'Every call answered.',
  PARTIAL: 'Finished with some calls failed: the figures rest on fewer answers than planned (see below).',
  FAILED: 'No call answered.',
  CANCELLED: 'Cancelled. Answers received before that are kept.',
};

/** A run's live status: progress while it runs (polled), then the outcome, failures and a way to its answers. */
export function RunProgress({ initial, canCancel }: { initial: ScanRun; canCancel: boolean }) {
  const router = useRouter();
  const query = useScanRun(initial);
  const run = query.data;
  const active = isRunActive(run.status);
  useEffect(() => {
    if (!active) router.refresh();
  }, [active, router]);
  return (
    <div className="flex flex-col gap-3" data-testid="run-progress" data-status={run.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <RunStatusBadge status={run.status} />
        <span className="tabular-nums">
          {run.completed_calls} answered · {run.failed_calls} failed · {run.total_calls} calls
        </span>
        <span className="text-fg-muted">· cost {micros(run.cost_micros)}</span>
      </div>
      {active ? (
        <>
          <Progress value={run.progress} label="Scan progress" />
          <p role="status" className="sr-only">
            Scanning… {run.progress}%
          </p>
        </>
      ) : (
        <p role="status" className={`text-sm ${run.status === 'DONE' ? 'text-ok' : ''}`}>
          {run.status === 'FAILED' && run.completed_calls > 0
            ? 'The run failed before finishing; the answers received are kept.'
            : OUTCOME[run.status]}{' '}
          {run.finished_at ? `Finished ${formatDate(run.finished_at)}.` : ''}
        </p>
      )}
      {run.error ? <Alert>{run.error}</Alert> : null}
      {query.error ? (
        <Alert>{`Could not read the run’s progress: ${describeError(query.error)}`}</Alert>
      ) : null}
      <RunFailures run={run} />
      <div className="flex flex-wrap gap-2">
        {run.completed_calls > 0 ? (
          <Link
            className={buttonClass('secondary', 'sm')}
            href={`/visibility/answers?project=${run.project_id}&run=${run.id}`}
          >
            View the answers
          </Link>
        ) : null}
        {run.completed_calls > 0 && !active ? (
          <Link
            className={buttonClass('secondary', 'sm')}
            href={`/visibility?project=${run.project_id}&run=${run.id}&days=365`}
          >
            See this run’s figures
          </Link>
        ) : null}
        {active && canCancel ? (
          <ActionForm
            action={cancelScanRun}
            confirm="Cancel this scan? Answers received so far are kept."
            label="Cancel scan"
          >
            <input type="hidden" name="id" value={run.id} />
            <SubmitButton variant="danger" size="sm" pendingText="Cancelling…">
              Cancel scan
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </div>
  );
}
