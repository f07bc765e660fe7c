'use client';

import { useActionState, useState } from 'react';
import { createRuleSet, type RuleSetState } from '@/app/(app)/intel/yara/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { MAX_RULES_CHARS, ruleSetSchema } from '@/lib/intel-yara';
import { type FieldErrors, fieldErrors, formObject } from '@/lib/schemas';
import { YaraSource } from './yara-source';

/** Paste rules or load a .yar file into the editor; compile errors come back shown at their lines. */
export function RuleSetForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState<RuleSetState, FormData>(createRuleSet, {});
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors = { ...(state.fields ?? {}), ...clientErrors };
  const problems = state.problems?.filter((p) => p.line !== null) ?? [];

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_RULES_CHARS) return setClientErrors({ source: 'The file is larger than 1 MiB.' });
    setSource(await file.text());
    if (!name) setName(file.name.replace(/\.(yara?|rules?|txt)$/i, ''));
    setClientErrors({});
  };

  return (
    <form
      action={formAction}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Upload a rule set"
      onSubmit={(e) => {
        const parsed = ruleSetSchema.safeParse(formObject(new FormData(e.currentTarget)));
        if (!parsed.success) {
          e.preventDefault();
          setClientErrors(fieldErrors(parsed.error));
        } else setClientErrors({});
      }}
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          id="yara-name"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Field
          label="Description (optional)"
          name="description"
          id="yara-description"
          maxLength={2000}
          error={errors.description}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="yara-file" className="text-sm font-medium">
          Load a rules file
        </label>
        <input
          id="yara-file"
          type="file"
          accept=".yar,.yara,.rule,.rules,.txt,text/plain"
          onChange={(e) => void loadFile(e.currentTarget.files?.[0])}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="yara-source" className="text-sm font-medium">
          Rules
        </label>
        <textarea
          id="yara-source"
          name="source"
          rows={12}
          spellCheck={false}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          className={`${inputClass} font-mono text-xs`}
          aria-invalid={errors.source ? true : undefined}
          aria-describedby={errors.source ? 'yara-source-error' : undefined}
        />
        {errors.source ? (
          <p id="yara-source-error" className="text-xs text-danger">
            {errors.source}
          </p>
        ) : null}
      </div>
      {problems.length > 0 && state.source ? (
        <div className="flex flex-col gap-1" data-testid="compile-errors">
          <h3 className="text-sm font-semibold text-danger">
            {problems.length === 1 ? 'One compile error' : `${problems.length} compile errors`}, shown at
            their lines
          </h3>
          <YaraSource source={state.source} problems={problems} label="Rules as sent, with compile errors" />
        </div>
      ) : null}
      <div>
        <SubmitButton pendingText="Compiling…">Compile and save</SubmitButton>
      </div>
    </form>
  );
}
