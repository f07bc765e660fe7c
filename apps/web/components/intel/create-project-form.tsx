'use client';

import { createIntelProject } from '@/app/(app)/intel/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { projectNameSchema } from '@/lib/intel-schemas';

/** Creates a project and comes back to `back` (the intel page it was opened from) with it selected. */
export function IntelCreateProjectForm({ back = '/intel' }: { back?: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(projectNameSchema, createIntelProject);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ActionMessage state={state} />
      <input type="hidden" name="back" value={back} />
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <Field
          label="Project name"
          name="name"
          id="intel-project-name"
          required
          maxLength={100}
          error={errors.name}
        />
        <div className="sm:pt-6">
          <SubmitButton pendingText="Creating…">Create project</SubmitButton>
        </div>
      </div>
    </form>
  );
}
