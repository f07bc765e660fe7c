'use client';

import { ActionMessage } from '@/components/ui/alert';
import { CopyButton } from '@/components/ui/copy-button';
import { Field, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { apiKeySchema } from '@/lib/schemas';
import { createKey } from './actions';

export function CreateKeyForm({ scopes, roles }: { scopes: string[]; roles: string[] }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(apiKeySchema, createKey, ['scopes']);
  return (
    <div className="flex flex-col gap-4">
      {state.secret ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-ok bg-ok-bg p-3 text-sm">
          <p className="font-medium text-ok">{state.message} Copy the secret now: it is shown only once.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="api-key-secret"
              className="break-all rounded bg-surface px-2 py-1 font-mono text-fg"
            >
              {state.secret}
            </code>
            <CopyButton value={state.secret} label="Copy secret" />
          </div>
        </div>
      ) : (
        <ActionMessage state={{ error: state.error }} />
      )}
      <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Name" name="name" required error={errors.name} />
          <SelectField label="Role (optional)" name="role" defaultValue="" error={errors.role}>
            <option value="">Same as mine</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
          <Field
            label="Expires on (optional)"
            name="expires_at"
            type="date"
            error={errors.expires_at}
            hint="Valid through the end of that day (UTC)."
          />
        </div>
        <fieldset aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          <div className="mt-1 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-border p-2 sm:grid-cols-3">
            {scopes.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} className="size-4 accent-accent" />
                <span className="font-mono">{s}</span>
              </label>
            ))}
          </div>
          {errors.scopes ? (
            <p id="scopes-error" className="mt-1 text-xs text-danger">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pendingText="Creating…">Create key</SubmitButton>
        </div>
      </form>
    </div>
  );
}
