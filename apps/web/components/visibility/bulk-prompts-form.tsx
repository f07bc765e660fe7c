'use client';

import { createPrompts } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { bulkPromptsSchema } from '@/lib/visibility-schemas';

/** A pasted list of prompts, one per line, added all or none. */
export function BulkPromptsForm({ projectId }: { projectId: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(bulkPromptsSchema, createPrompts);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Paste prompts"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-lines" className="text-sm font-medium">
          Prompts, one per line
        </label>
        <textarea
          id="bulk-lines"
          name="lines"
          rows={5}
          className={inputClass}
          aria-invalid={errors.lines ? true : undefined}
          aria-describedby={errors.lines ? 'bulk-lines-error' : 'bulk-lines-hint'}
        />
        {errors.lines ? (
          <p id="bulk-lines-error" className="text-xs text-danger">
            {errors.lines}
          </p>
        ) : (
          <p id="bulk-lines-hint" className="text-xs text-fg-muted">
            Up to 200; if one is refused, none is added.
          </p>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field id="bulk-topic" label="Topic for all" name="topic" maxLength={80} error={errors.topic} />
        <Field
          id="bulk-language"
          label="Language for all"
          name="language"
          placeholder="en"
          error={errors.language}
        />
        <Field
          id="bulk-country"
          label="Country for all"
          name="country"
          placeholder="US"
          maxLength={2}
          error={errors.country}
        />
      </div>
      <div>
        <SubmitButton variant="secondary" pendingText="Adding…">
          Add these prompts
        </SubmitButton>
      </div>
    </form>
  );
}
