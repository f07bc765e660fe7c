'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { runAgent } from '@/app/(app)/intel/agents/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function RunNowButton({ agentId }: { agentId: string }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const client = useQueryClient();
  const router = useRouter();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          disabled={pending}
          onClick={() =>
            start(async () => {
              setState(await runAgent(agentId));
              await client.invalidateQueries({ queryKey: ['agent-runs', agentId] });
              router.refresh();
            })
          }
        >
          {pending ? 'Starting…' : 'Run now'}
        </Button>
      </div>
      <div aria-live="polite">
        <ActionMessage state={state} />
      </div>
    </div>
  );
}
