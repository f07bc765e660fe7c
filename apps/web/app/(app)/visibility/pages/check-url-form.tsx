'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { checkUrl } from './actions';
import { HealthReportView } from './health-report';

export function CheckUrlForm() {
  const [state, action] = useActionState(checkUrl, {});
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grow">
          <Field
            label="Page URL"
            name="url"
            type="url"
            placeholder="https://www.example.com/pricing"
            required
            error={state.fields?.url}
          />
        </div>
        <SubmitButton>Check</SubmitButton>
      </form>
      <ActionMessage state={state} />
      {state.report ? (
        <div>
          <p className="mb-2 break-all text-sm text-fg-muted">
            {state.report.url} answered HTTP {state.report.status}
          </p>
          <HealthReportView report={state.report} />
        </div>
      ) : null}
    </div>
  );
}
