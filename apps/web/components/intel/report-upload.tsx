'use client';

import { useRouter } from 'next/navigation';
import { type DragEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Progress } from '@/components/ui/progress';
import { describeError, toApiError } from '@/lib/errors';
import { TLP_HELP, TLP_LABEL, TLP_LEVELS } from '@/lib/intel-format';
import type { Report, Tlp } from '@/lib/intel-types';
import { REPORT_ACCEPT, REPORT_ACCEPT_LABEL, REPORT_MAX_BYTES, reportTypeOf } from '@/lib/intel-uploads';
import { formatBytes } from '@/lib/uploads';

type Phase =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | { kind: 'uploading'; name: string; loaded: number; total: number }
  | { kind: 'done'; name: string };

/** Sends the file through the web origin's streamed upload route with XMLHttpRequest (for progress). */
function send(
  query: URLSearchParams,
  file: File,
  type: string,
  on: { progress: (l: number, t: number) => void; done: (r: Report) => void; error: (m: string) => void },
) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/intel/reports/upload?${query}`);
  xhr.setRequestHeader('content-type', type);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.upload.onprogress = (e) => on.progress(e.loaded, e.lengthComputable ? e.total : file.size);
  xhr.onload = async () => {
    if (xhr.status === 401) {
      window.location.href = '/signin?expired=1';
      return;
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      try {
        on.done(JSON.parse(xhr.responseText) as Report);
      } catch {
        on.error('The server’s answer could not be read. Reload the page to see the report.');
      }
      return;
    }
    on.error(describeError(await toApiError(new Response(xhr.responseText, { status: xhr.status }))));
  };
  xhr.onerror = () => on.error('The upload failed: the network connection was lost. Try again.');
  xhr.onabort = () => on.error('Upload cancelled.');
  xhr.send(file);
  return () => xhr.abort();
}

export function ReportUpload({ projectId, defaultTlp }: { projectId: string; defaultTlp: Tlp }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [tlp, setTlp] = useState<Tlp>(defaultTlp);
  const cancel = useRef<(() => void) | null>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'done';

  const start = (file: File | undefined) => {
    if (!file || busy) return;
    const type = reportTypeOf(file.name, file.type);
    if (!type)
      return setPhase({
        kind: 'error',
        message: `“${file.name}” is not a supported file. Use ${REPORT_ACCEPT_LABEL}.`,
      });
    if (file.size === 0) return setPhase({ kind: 'error', message: `“${file.name}” is empty.` });
    if (file.size > REPORT_MAX_BYTES)
      return setPhase({
        kind: 'error',
        message: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(REPORT_MAX_BYTES)}.`,
      });
    const query = new URLSearchParams({ filename: file.name, tlp, project_id: projectId });
    setPhase({ kind: 'uploading', name: file.name, loaded: 0, total: file.size });
    cancel.current = send(query, file, type, {
      progress: (loaded, total) => setPhase({ kind: 'uploading', name: file.name, loaded, total }),
      done: (report) => {
        setPhase({ kind: 'done', name: file.name });
        router.push(`/intel/reports/${report.id}`);
      },
      error: (message) => setPhase({ kind: 'error', message: `Could not upload “${file.name}”: ${message}` }),
    });
  };

  const onDrop = (e: DragEvent<HTMLFieldSetElement>) => {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files[0]);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="report-upload">
      <div className="sm:max-w-sm">
        <SelectField
          label="TLP marking"
          name="tlp"
          id="upload-tlp"
          value={tlp}
          onChange={(e) => setTlp(e.currentTarget.value as Tlp)}
        >
          {TLP_LEVELS.map((t) => (
            <option key={t} value={t}>
              {TLP_LABEL[t]}: {TLP_HELP[t]}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset
        data-testid="report-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex min-w-0 flex-col gap-2 rounded-lg border-2 border-dashed p-4 ${over ? 'border-accent bg-muted' : 'border-border'}`}
      >
        <legend className="sr-only">Choose or drop a report file</legend>
        <label htmlFor="report-file" className="text-sm font-medium">
          Report file
        </label>
        <p id="report-file-hint" className="text-sm text-fg-muted">
          Drag a file here or choose one. {REPORT_ACCEPT_LABEL}, up to {formatBytes(REPORT_MAX_BYTES)}.
        </p>
        <input
          id="report-file"
          type="file"
          accept={REPORT_ACCEPT}
          disabled={busy}
          aria-describedby="report-file-hint"
          onChange={(e) => start(e.currentTarget.files?.[0])}
          className="w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg hover:file:bg-muted"
        />
      </fieldset>
      {phase.kind === 'error' ? <Alert>{phase.message}</Alert> : null}
      {phase.kind === 'uploading' ? (
        <div className="flex flex-col gap-2 rounded-md border border-border p-3">
          <p className="text-sm">
            Uploading <span className="font-medium">{phase.name}</span> · {formatBytes(phase.loaded)} of{' '}
            {formatBytes(phase.total)}
          </p>
          <Progress
            value={phase.total ? (phase.loaded / phase.total) * 100 : 0}
            label={`Upload of ${phase.name}`}
          />
          <div>
            <Button variant="secondary" size="sm" onClick={() => cancel.current?.()}>
              Cancel upload
            </Button>
          </div>
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <p role="status" className="text-sm">
          Uploaded {phase.name}. Opening the report…
        </p>
      ) : null}
    </div>
  );
}
