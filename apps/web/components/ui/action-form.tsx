'use client';

import { type ReactNode, useActionState } from 'react';
import { type ActionState, idle } from '@/lib/action-state';
import { ActionMessage } from './alert';

/** A small form (row actions: revoke, remove, retry) whose server action reports errors in place. */
export function ActionForm({
  action,
  children,
  className,
  confirm,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  /** Asks before destructive actions. */
  confirm?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form
      action={formAction}
      aria-label={label}
      className={className}
      onSubmit={confirm ? (e) => (window.confirm(confirm) ? undefined : e.preventDefault()) : undefined}
    >
      {children}
      {state.error ? (
        <div className="basis-full">
          <ActionMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
