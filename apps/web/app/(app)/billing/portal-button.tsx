'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { openPortal } from './actions';

export function PortalButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => start(async () => setError((await openPortal()).error))}
      >
        {pending ? 'Opening…' : 'Manage card or cancel'}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
