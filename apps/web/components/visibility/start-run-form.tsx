'use client';

import { useActionState } from 'react';
import { startScanRun } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ModelSet } from '@/lib/visibility-types';
import { NoProviderHelp } from './no-provider';

/** Picks a model set and starts a scan of every active prompt; a missing provider is explained in place. */
export function StartRunForm({
  projectId,
  sets,
  prompts,
}: {
  projectId: string;
  sets: ModelSet[];
  prompts: number;
}) {
  const [state, formAction] = useActionState(startScanRun, {});
  if (state.noProvider) return <NoProviderHelp projectId={projectId} apiMessage={state.error} />;
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label="Start a scan">
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <SelectField
          id="run-set"
          label="Model set"
          name="model_set_id"
          required
          error={state.fields?.model_set_id}
        >
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.name} — ${s.models.length} model${s.models.length === 1 ? '' : 's'} × ${s.samples_per_prompt} sample${
                s.samples_per_prompt === 1 ? '' : 's'
              } × ${prompts} prompt${prompts === 1 ? '' : 's'} = ${s.models.length * s.samples_per_prompt * prompts} calls`}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingText="Starting…">Start scan</SubmitButton>
      </div>
    </form>
  );
}
