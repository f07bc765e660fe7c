'use client';

import { useEffect, useRef } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Field, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { inviteSchema } from '@/lib/schemas';
import { inviteMember } from './actions';

export function InviteForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(inviteSchema, inviteMember);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ActionMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <Field label="Email" name="email" type="email" required error={errors.email} />
        <SelectField label="Role" name="role" defaultValue="viewer" error={errors.role}>
          {canInviteOwner ? <option value="owner">Owner</option> : null}
          <option value="admin">Admin</option>
          <option value="editor">Editor</option>
          <option value="viewer">Viewer</option>
        </SelectField>
        <div className="sm:pt-6">
          <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
        </div>
      </div>
    </form>
  );
}
