'use client';

import { type FormEvent, useActionState, useState } from 'react';
import { startAssessment } from '@/app/(app)/compliance/actions';
import { ActionMessage } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { frameworkLabel } from '@/lib/compliance-format';
import type { Framework } from '@/lib/compliance-types';
import { AssessmentProgress } from './assessment-progress';

/** Choose frameworks, start, and follow the run right here. */
export function NewAssessmentForm({
  documentId,
  frameworks,
}: {
  documentId: string;
  frameworks: Framework[];
}) {
  const [state, formAction] = useActionState(startAssessment, {});
  const [clientError, setClientError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const picked = new FormData(event.currentTarget).getAll('frameworks');
    if (picked.length === 0) {
      event.preventDefault();
      setClientError('Pick at least one framework');
      event.currentTarget.querySelector<HTMLInputElement>('input[name="frameworks"]')?.focus();
      return;
    }
    setClientError(null);
  };
  const error = clientError ?? state.fields?.frameworks;
  return (
    <div className="flex flex-col gap-3">
      <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="document_id" value={documentId} />
        <fieldset
          className="flex flex-col gap-2"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'frameworks-error' : undefined}
        >
          <legend className="mb-1 text-sm font-medium">Frameworks</legend>
          {frameworks.map((f) => (
            <label key={f.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="frameworks" value={f.id} className="mt-1" />
              <span>
                <span className="font-medium">{frameworkLabel(f.id, frameworks)}</span>{' '}
                <span className="text-fg-muted">
                  {f.name} ({f.version}) · {f.control_count} controls
                </span>
              </span>
            </label>
          ))}
          {error ? (
            <p id="frameworks-error" className="text-xs text-danger">
              {error}
            </p>
          ) : null}
        </fieldset>
        {state.error && !state.fields?.frameworks ? <ActionMessage state={state} /> : null}
        <div>
          <SubmitButton pendingText="Starting…">Start assessment</SubmitButton>
        </div>
      </form>
      {state.assessment ? <AssessmentProgress key={state.assessment.id} initial={state.assessment} /> : null}
    </div>
  );
}
