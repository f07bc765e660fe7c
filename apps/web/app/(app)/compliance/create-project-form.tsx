'use client';

import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { projectSchema } from '@/lib/schemas';
import { createProject } from './actions';

export function CreateProjectForm() {
  const { state, formAction, errors, onSubmit } = useValidatedAction(projectSchema, createProject);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ActionMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
        <Field label="Project name" name="name" required maxLength={100} error={errors.name} />
        <div className="sm:pt-6">
          <SubmitButton pendingText="Creating…">Create project</SubmitButton>
        </div>
      </div>
    </form>
  );
}
