'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-state';
import { createKnowledgePage } from './actions';

export function CreatePageForm({
  projects,
  projectId,
  aiAvailable,
}: {
  projects: { id: string; name: string }[];
  projectId?: string;
  aiAvailable: boolean;
}) {
  const [state, action] = useActionState(createKnowledgePage, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <SelectField
        label="Project"
        name="project_id"
        defaultValue={projectId}
        error={state.fields?.project_id}
      >
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-urls" className="text-sm font-medium">
          Source URLs
        </label>
        <textarea
          id="f-urls"
          name="urls"
          rows={4}
          className={inputClass}
          placeholder={'https://www.example.com/product\nhttps://www.example.com/faq'}
          aria-describedby="f-urls-hint"
          aria-invalid={state.fields?.urls || state.fields?.['urls.0'] ? true : undefined}
        />
        <p id="f-urls-hint" className="text-xs text-fg-muted">
          One per line, up to 10. They are crawled politely (robots.txt is obeyed) and drafted into one page.
          Leave empty to write the page yourself.
        </p>
      </div>
      <Field label="Title (optional with URLs)" name="title" maxLength={120} error={state.fields?.title} />
      <SelectField label="Draft with" name="engine" defaultValue="auto">
        <option value="auto">
          {aiAvailable ? 'The AI provider (default)' : 'Extraction (no AI provider configured)'}
        </option>
        <option value="baseline">Extraction only: selected sentences, nothing written</option>
        {aiAvailable ? <option value="llm">The AI provider</option> : null}
      </SelectField>
      <ActionMessage state={state} />
      <div>
        <SubmitButton>Create page</SubmitButton>
      </div>
    </form>
  );
}
