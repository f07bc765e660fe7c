'use client';

import { createPrompt } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { promptFormSchema } from '@/lib/visibility-schemas';

/** A question customers ask, with its topic, tags, language and country. */
export function PromptForm({ projectId }: { projectId: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(promptFormSchema, createPrompt);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Add a prompt"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="prompt-text" className="text-sm font-medium">
          Prompt
        </label>
        <textarea
          id="prompt-text"
          name="text"
          rows={2}
          maxLength={2000}
          required
          className={inputClass}
          placeholder="What is the best CRM for a small business?"
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'prompt-text-error' : undefined}
        />
        {errors.text ? (
          <p id="prompt-text-error" className="text-xs text-danger">
            {errors.text}
          </p>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
        <Field id="prompt-topic" label="Topic" name="topic" maxLength={80} error={errors.topic} />
        <Field id="prompt-tags" label="Tags" name="tags" hint="Comma-separated" error={errors.tags} />
        <Field
          id="prompt-language"
          label="Language"
          name="language"
          placeholder="en"
          error={errors.language}
        />
        <Field
          id="prompt-country"
          label="Country"
          name="country"
          placeholder="US"
          maxLength={2}
          error={errors.country}
        />
      </div>
      <div>
        <SubmitButton pendingText="Adding…">Add prompt</SubmitButton>
      </div>
    </form>
  );
}
