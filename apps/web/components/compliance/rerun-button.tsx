'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { rerunAssessment } from '@/app/(app)/compliance/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Runs the same assessment again (same record); the page then shows its progress. */
export function RerunButton({ assessmentId }: { assessmentId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const res = await rerunAssessment(assessmentId);
            setError(res.error ?? null);
            if (!res.error) router.refresh();
          })
        }
      >
        {pending ? 'Starting…' : 'Run again'}
      </Button>
      {error ? (
        <div className="basis-full">
          <Alert>{error}</Alert>
        </div>
      ) : null}
    </>
  );
}
