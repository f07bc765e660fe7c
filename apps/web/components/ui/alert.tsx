import type { ReactNode } from 'react';

/** Errors are announced immediately (role=alert); confirmations politely (role=status). */
export function Alert({ kind = 'error', children }: { kind?: 'error' | 'ok' | 'info'; children: ReactNode }) {
  const style =
    kind === 'error'
      ? 'border-danger bg-danger-bg text-danger'
      : kind === 'ok'
        ? 'border-ok bg-ok-bg text-ok'
        : 'border-border bg-muted text-fg';
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${style}`}
    >
      {children}
    </div>
  );
}

export function ActionMessage({ state }: { state: { error?: string; message?: string } }) {
  if (state.error) return <Alert>{state.error}</Alert>;
  if (state.message) return <Alert kind="ok">{state.message}</Alert>;
  return null;
}
