'use client';

import { createModelSet } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { modelSetFormSchema } from '@/lib/visibility-schemas';
import type { ProvidersInfo } from '@/lib/visibility-types';

/** Which models a scan asks, how many samples per prompt, and whether they may search the web. */
export function ModelSetForm({
  projectId,
  providers,
  defaultModel,
}: {
  projectId: string;
  providers: ProvidersInfo['providers'] | null;
  defaultModel: string | null;
}) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(modelSetFormSchema, createModelSet);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Add a model set"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          id="set-name"
          label="Model set name"
          name="name"
          required
          maxLength={120}
          error={errors.name}
        />
        <Field
          id="set-models"
          label="Models"
          name="models"
          required
          placeholder={defaultModel ?? 'openai:gpt-4.1-mini, anthropic:claude-sonnet-4-5'}
          hint={
            providers?.length
              ? `provider:model, comma-separated. Configured here: ${providers
                  .map(
                    (p) =>
                      `${p.name}${p.web_search ? '' : ' (no web search)'}${p.available ? '' : ' (unavailable now)'}`,
                  )
                  .join(', ')}`
              : 'provider:model, comma-separated'
          }
          error={errors.models}
        />
        <Field
          id="set-samples"
          label="Samples per prompt"
          name="samples_per_prompt"
          type="number"
          min={1}
          max={10}
          defaultValue={3}
          hint="Each prompt is asked this many times per model (answers vary)"
          error={errors.samples_per_prompt}
        />
        <div className="flex items-center gap-2 sm:pt-6">
          <input id="set-web" type="checkbox" name="web_search" className="h-4 w-4" />
          <label htmlFor="set-web" className="text-sm">
            Let the models search the web (OpenAI, Anthropic, Google)
          </label>
        </div>
      </div>
      <div>
        <SubmitButton pendingText="Saving…">Save model set</SubmitButton>
      </div>
    </form>
  );
}
