'use client';

import { createVisibilityProject } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { projectSchema } from '@/lib/schemas';

export function CreateProjectForm() {
  const { state, formAction, errors, onSubmit } = useValidatedAction(projectSchema, createVisibilityProject);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ActionMessage state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
        <Field label="Project name" name="name" required maxLength={100} error={errors.name} />
        <div className="sm:pt-6">
          <SubmitButton pendingText="Creating…">Create project</SubmitButton>
        </div>
      </div>
    </form>
  );
}
