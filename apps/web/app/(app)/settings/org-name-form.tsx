'use client';

import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import type { ActionState } from '@/lib/action-state';
import { orgNameSchema } from '@/lib/schemas';

/** One form for "create an organization" and "rename this one". */
export function OrgNameForm({
  action,
  label,
  submit,
  defaultValue,
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  label: string;
  submit: string;
  defaultValue?: string;
}) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(orgNameSchema, action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ActionMessage state={state} />
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <Field
            label={label}
            name="name"
            defaultValue={defaultValue}
            required
            error={errors.name}
            id={`f-${submit.replace(/\W/g, '')}`}
          />
        </div>
        <div className="pt-6">
          <SubmitButton variant="secondary">{submit}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
