'use client';

import { ActionForm } from '@/components/ui/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { acceptInvitation } from './actions';

export function AcceptForm({ token }: { token: string }) {
  return (
    <ActionForm action={acceptInvitation} className="flex flex-col gap-3" label="Accept invitation">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Joining…">Accept invitation</SubmitButton>
    </ActionForm>
  );
}
