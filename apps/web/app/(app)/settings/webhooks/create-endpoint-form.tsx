'use client';

import { ActionMessage } from '@/components/ui/alert';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { createEndpoint } from './actions';
import { type EventType, endpointSchema } from './types';

export function CreateEndpointForm({ eventTypes }: { eventTypes: EventType[] }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(endpointSchema, createEndpoint, [
    'event_types',
  ]);
  return (
    <div className="flex flex-col gap-4">
      {state.secret ? (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-ok bg-ok-bg p-3 text-sm">
          <p className="font-medium text-ok">
            {state.message} Copy the signing secret now: it is shown only once.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="webhook-secret"
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
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="URL"
            name="url"
            type="url"
            required
            placeholder="https://example.com/assay-events"
            error={errors.url ?? errors['body.url']}
            hint="https, reachable from the internet. Checked now and at every delivery."
          />
          <Field label="Description (optional)" name="description" error={errors.description} />
        </div>
        <fieldset aria-describedby={errors.event_types ? 'event-types-error' : undefined}>
          <legend className="text-sm font-medium">Events</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 rounded-md border border-border p-2 sm:grid-cols-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="event_types" value="*" className="size-4 accent-accent" />
              <span>All events, including types added later</span>
            </label>
            {eventTypes.map((e) => (
              <label key={e.type} className="flex items-start gap-2 text-sm" title={e.description}>
                <input
                  type="checkbox"
                  name="event_types"
                  value={e.type}
                  className="mt-0.5 size-4 accent-accent"
                />
                <span>
                  <span className="font-mono">{e.type}</span>
                  <span className="block text-xs text-fg-muted">{e.description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.event_types ? (
            <p id="event-types-error" className="mt-1 text-xs text-danger">
              {errors.event_types}
            </p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
        </div>
      </form>
    </div>
  );
}
