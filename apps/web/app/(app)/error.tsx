'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** API failures during render land here with the API's own message (production hides other errors). */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <Alert>{error.message || 'Something went wrong.'}</Alert>
      <div>
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      </div>
    </div>
  );
}
