'use client';

import { type ReactNode, useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { type ActionState, idle } from '@/lib/action-state';

/** A one-button form that shows its outcome, success included (a test ping's answer, a queued redelivery). */
export function RowAction({
  action,
  children,
  label,
  confirm,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  label: string;
  confirm?: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form
      action={formAction}
      aria-label={label}
      className="flex flex-wrap items-center gap-2"
      onSubmit={confirm ? (e) => (window.confirm(confirm) ? undefined : e.preventDefault()) : undefined}
    >
      {children}
      {state.error || state.message ? <ActionMessage state={state} /> : null}
    </form>
  );
}
