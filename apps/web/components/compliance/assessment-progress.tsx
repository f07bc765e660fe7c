'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { frameworkLabel } from '@/lib/compliance-format';
import type { Assessment } from '@/lib/compliance-types';
import { describeError } from '@/lib/errors';
import { AssessmentStatusBadge } from './badges';
import { useAssessment } from './use-assessment';

/**
 * A running assessment: progress and ETA, then a link to the results (or the failure). When the run
 * ends the surrounding server page re-renders, so its lists and results are current.
 */
export function AssessmentProgress({
  initial,
  showLink = true,
}: {
  initial: Assessment;
  showLink?: boolean;
}) {
  const router = useRouter();
  const query = useAssessment(initial);
  const a = query.data;
  useEffect(() => {
    if (a.status !== 'processing') router.refresh();
  }, [a.status, router]);
  const label = `Assessment against ${a.frameworks.map((f) => frameworkLabel(f)).join(', ')}`;
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-border p-3"
      data-testid="assessment-progress"
      data-status={a.status}
    >
      <p className="text-sm">
        {label} <AssessmentStatusBadge status={a.status} />
      </p>
      {a.status === 'processing' ? (
        <>
          <Progress value={a.progress} eta={a.eta} label="Assessment progress" />
          <p role="status" className="sr-only">
            Assessing… {a.progress}%
          </p>
        </>
      ) : null}
      {query.error ? (
        <Alert>{`Could not read the assessment’s progress: ${describeError(query.error)}`}</Alert>
      ) : null}
      {a.status === 'failed' ? <Alert>{`The assessment failed: ${a.error ?? 'unknown error'}`}</Alert> : null}
      {a.status === 'completed' ? (
        <div role="status" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-ok">Assessment complete.</span>
          {showLink ? (
            <Link className={buttonClass('primary', 'sm')} href={`/compliance/assessments/${a.id}`}>
              View results
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
