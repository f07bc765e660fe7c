'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-state';
import { savePreferences } from './actions';

const LABELS = {
  job_finished: ['A job I started finished', 'Exports, assessments, scans and other long work.'],
  job_failed: ['A job I started failed', 'After its retries, with the error.'],
  invitation: ['Someone accepted an invitation I sent', ''],
  quota_nearly_reached: [
    'The organization used 80% of a plan quota',
    'Owners and admins only, once per month.',
  ],
} as const;

export function PreferencesForm({ preferences }: { preferences: Record<keyof typeof LABELS, boolean> }) {
  const [state, formAction] = useActionState(savePreferences, idle);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Emails</legend>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((key) => (
          <label key={key} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="on"
              value={key}
              defaultChecked={preferences[key]}
              className="mt-0.5 size-4 accent-accent"
            />
            <span>
              {LABELS[key][0]}
              {LABELS[key][1] ? <span className="block text-xs text-fg-muted">{LABELS[key][1]}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <ActionMessage state={state} />
      <div>
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
      </div>
    </form>
  );
}
