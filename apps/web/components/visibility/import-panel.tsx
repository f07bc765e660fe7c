'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { ApiError, toApiError } from '@/lib/errors';
import { MAX_IMPORT_BYTES } from '@/lib/visibility-schemas';
import type { ImportResult } from '@/lib/visibility-types';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'error'; message: string; details: { field: string; message: string }[] };

const typeOf = (file: File): 'text/csv' | 'application/json' | null => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type.includes('json')) return 'application/json';
  if (name.endsWith('.csv') || file.type.includes('csv') || name.endsWith('.txt')) return 'text/csv';
  return null;
};

/**
 * Uploads answers collected elsewhere (CSV or JSON). The file is checked here first (type, size), then
 * every row by the API; a bad row rejects the whole import and each problem is listed with its row.
 */
export function ImportPanel({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | undefined>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setFileError('Choose a CSV or JSON file.');
    const type = typeOf(file);
    if (!type) return setFileError('Only .csv and .json files can be imported.');
    if (file.size > MAX_IMPORT_BYTES) return setFileError('The file is too large (5 MB at most).');
    setFileError(undefined);
    setPhase({ kind: 'sending' });
    const query = new URLSearchParams({ project_id: projectId });
    const label = String(form.get('label') ?? '').trim();
    if (label) query.set('label', label);
    try {
      const res = await fetch(`/visibility/import/submit?${query}`, {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json' },
        body: await file.text(),
      });
      if (res.status === 401) {
        window.location.href = '/signin?expired=1';
        return;
      }
      if (!res.ok) {
        const error = await toApiError(res);
        return setPhase({ kind: 'error', message: error.message, details: error.details });
      }
      setPhase({ kind: 'done', result: (await res.json()) as ImportResult });
      router.refresh();
    } catch (error) {
      setPhase({
        kind: 'error',
        message:
          error instanceof ApiError
            ? error.message
            : 'The upload failed: check your connection and try again.',
        details: [],
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Import answers">
      {phase.kind === 'error' ? (
        <div
          role="alert"
          className="rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm text-danger"
        >
          <p>{phase.message}</p>
          {phase.details.length > 0 ? (
            <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
              {phase.details.slice(0, 50).map((d) => (
                <li key={`${d.field}-${d.message}`}>
                  {d.field ? <span className="font-mono">{d.field}</span> : null} {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok"
          data-testid="import-done"
        >
          <p>
            Imported {phase.result.imported} answer{phase.result.imported === 1 ? '' : 's'} as “
            {phase.result.label}”.
            {phase.result.prompts_created
              ? ` ${phase.result.prompts_created} new prompt${phase.result.prompts_created === 1 ? ' was' : 's were'} added (inactive, so scans skip them).`
              : ''}
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href={`/visibility?project=${projectId}`} className={buttonClass('primary', 'sm')}>
              See the dashboard
            </Link>
            <Link
              href={`/visibility/answers?project=${projectId}&imported=true`}
              className={buttonClass('secondary', 'sm')}
            >
              See the imported answers
            </Link>
          </div>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-medium">
          Answers file
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          className="text-sm"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'import-file-error' : 'import-file-hint'}
        />
        {fileError ? (
          <p id="import-file-error" className="text-xs text-danger">
            {fileError}
          </p>
        ) : (
          <p id="import-file-hint" className="text-xs text-fg-muted">
            CSV or JSON, up to 5 MB and 5,000 answers.
          </p>
        )}
      </div>
      <Field
        id="import-label"
        label="Label (optional)"
        name="label"
        maxLength={120}
        hint="Shown on every imported answer, e.g. “Manual checks, May”"
      />
      <div>
        <SubmitButtonLike pending={phase.kind === 'sending'} />
      </div>
    </form>
  );
}

function SubmitButtonLike({ pending }: { pending: boolean }) {
  return pending ? (
    <button type="submit" disabled aria-disabled className={buttonClass('primary')}>
      Importing…
    </button>
  ) : (
    <SubmitButton>Import answers</SubmitButton>
  );
}
