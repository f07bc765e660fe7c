'use client';

import { Button } from '@/components/ui/button';

export default function SharedReportError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-6">
      <h1 className="text-xl font-semibold">The report could not be loaded</h1>
      <p className="mt-2 text-sm text-fg-muted">This is on our side. Try again in a moment.</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
