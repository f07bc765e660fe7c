'use client';

import { type KeyboardEvent, useRef, useState } from 'react';
import { fetchReport, pasteReport } from '@/app/(app)/intel/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { TLP_HELP, TLP_LABEL, TLP_LEVELS } from '@/lib/intel-format';
import { pasteReportSchema, urlReportSchema } from '@/lib/intel-schemas';
import type { Tlp } from '@/lib/intel-types';
import { ReportUpload } from './report-upload';

type Tab = 'paste' | 'url' | 'upload';
const TABS: { id: Tab; label: string }[] = [
  { id: 'paste', label: 'Paste text' },
  { id: 'url', label: 'From a URL' },
  { id: 'upload', label: 'Upload a file' },
];

function TlpSelect({ id, defaultTlp, error }: { id: string; defaultTlp: Tlp; error?: string }) {
  return (
    <SelectField label="TLP marking" name="tlp" id={id} defaultValue={defaultTlp} error={error}>
      {TLP_LEVELS.map((t) => (
        <option key={t} value={t}>
          {TLP_LABEL[t]}: {TLP_HELP[t]}
        </option>
      ))}
    </SelectField>
  );
}

function PasteForm({ projectId, defaultTlp }: { projectId: string; defaultTlp: Tlp }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(pasteReportSchema, pasteReport);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Paste a report"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="report-text" className="text-sm font-medium">
          Report text
        </label>
        <textarea
          id="report-text"
          name="text"
          rows={10}
          className={`${inputClass} font-mono`}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'report-text-error' : 'report-text-hint'}
        />
        {errors.text ? (
          <p id="report-text-error" className="text-xs text-danger">
            {errors.text}
          </p>
        ) : (
          <p id="report-text-hint" className="text-xs text-fg-muted">
            Defanged indicators (hxxp, [.], (dot), [at]) are read as the real values.
          </p>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Title (optional)" name="title" id="paste-title" maxLength={300} error={errors.title} />
        <TlpSelect id="paste-tlp" defaultTlp={defaultTlp} error={errors.tlp} />
      </div>
      <div>
        <SubmitButton pendingText="Sending…">Extract from text</SubmitButton>
      </div>
    </form>
  );
}

function UrlForm({ projectId, defaultTlp }: { projectId: string; defaultTlp: Tlp }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(urlReportSchema, fetchReport);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Fetch a report"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <Field
        label="Report URL"
        name="url"
        id="report-url"
        type="url"
        inputMode="url"
        placeholder="https://"
        error={errors.url}
        hint="Fetched by the server; private and internal addresses are refused."
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Title (optional)" name="title" id="url-title" maxLength={300} error={errors.title} />
        <TlpSelect id="url-tlp" defaultTlp={defaultTlp} error={errors.tlp} />
      </div>
      <div>
        <SubmitButton pendingText="Sending…">Fetch and extract</SubmitButton>
      </div>
    </form>
  );
}

/** Three ways in (WAI-ARIA tabs: arrow keys move between them); every path ends on the report's page. */
export function IngestPanel({ projectId, defaultTlp }: { projectId: string; defaultTlp: Tlp }) {
  const [tab, setTab] = useState<Tab>('paste');
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ paste: null, url: null, upload: null });
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next].id);
    refs.current[TABS[next].id]?.focus();
  };
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="How to add a report" className="flex flex-wrap gap-1" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`ingest-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`ingest-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              tab === t.id ? 'bg-accent text-accent-fg' : 'border border-border bg-surface hover:bg-muted'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`ingest-panel-${t.id}`}
          aria-labelledby={`ingest-tab-${t.id}`}
          hidden={tab !== t.id}
        >
          {tab === t.id && t.id === 'paste' ? (
            <PasteForm projectId={projectId} defaultTlp={defaultTlp} />
          ) : null}
          {tab === t.id && t.id === 'url' ? <UrlForm projectId={projectId} defaultTlp={defaultTlp} /> : null}
          {tab === t.id && t.id === 'upload' ? (
            <ReportUpload projectId={projectId} defaultTlp={defaultTlp} />
          ) : null}
        </div>
      ))}
    </div>
  );
}
