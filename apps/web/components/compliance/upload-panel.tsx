'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { describeError } from '@/lib/errors';
import { ACCEPT, ACCEPT_LABEL, checkFile, formatBytes } from '@/lib/uploads';
import { sendUpload } from './upload-request';
import { useDocument } from './use-document';

type Phase =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'uploading'; name: string; loaded: number; total: number }
  | { kind: 'sent'; name: string; documentId: string }
  | { kind: 'error'; name: string; message: string };

/** Drag and drop or pick a policy; it uploads with real progress, then its text extraction is followed. */
export function UploadPanel({ projectId, maxBytes }: { projectId: string; maxBytes: number }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const cancel = useRef<(() => void) | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'uploading';

  const start = (file: File | undefined) => {
    if (!file || busy) return;
    const check = checkFile(file, maxBytes);
    if (!check.ok) {
      setPhase({ kind: 'invalid', message: check.error });
      return;
    }
    setPhase({ kind: 'uploading', name: file.name, loaded: 0, total: file.size });
    cancel.current = sendUpload(projectId, file, check.contentType, {
      onProgress: (loaded, total) => setPhase({ kind: 'uploading', name: file.name, loaded, total }),
      onDone: (doc) => setPhase({ kind: 'sent', name: file.name, documentId: doc.id }),
      onError: (message) => setPhase({ kind: 'error', name: file.name, message }),
    });
    if (input.current) input.current.value = '';
  };

  const onDrop = (e: DragEvent<HTMLFieldSetElement>) => {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files[0]);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="upload-panel">
      {/* The drop target for mouse users; the file input inside is the keyboard and screen reader path. */}
      <fieldset
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex min-w-0 flex-col gap-2 rounded-lg border-2 border-dashed p-4 sm:p-6 ${
          over ? 'border-accent bg-muted' : 'border-border'
        }`}
      >
        <legend className="sr-only">Choose or drop a file</legend>
        <label htmlFor="policy-file" className="text-sm font-medium">
          Policy document
        </label>
        <p id="policy-file-hint" className="text-sm text-fg-muted">
          Drag a file here or choose one. {ACCEPT_LABEL}, up to {formatBytes(maxBytes)}.
        </p>
        <input
          ref={input}
          id="policy-file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby="policy-file-hint"
          onChange={(e) => start(e.currentTarget.files?.[0])}
          className="w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg hover:file:bg-muted"
        />
      </fieldset>
      <UploadStatus
        phase={phase}
        onCancel={() => cancel.current?.()}
        onDismiss={() => setPhase({ kind: 'idle' })}
      />
    </div>
  );
}

function UploadStatus({
  phase,
  onCancel,
  onDismiss,
}: {
  phase: Phase;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  if (phase.kind === 'idle') return null;
  if (phase.kind === 'invalid') return <Alert>{phase.message}</Alert>;
  if (phase.kind === 'error') return <Alert>{`Could not upload “${phase.name}”: ${phase.message}`}</Alert>;
  if (phase.kind === 'uploading') {
    const pct = phase.total ? (phase.loaded / phase.total) * 100 : 0;
    return (
      <div className="flex flex-col gap-2 rounded-md border border-border p-3" data-phase="uploading">
        <p className="text-sm">
          Uploading <span className="font-medium">{phase.name}</span> · {formatBytes(phase.loaded)} of{' '}
          {formatBytes(phase.total)}
        </p>
        <Progress value={pct} label={`Upload of ${phase.name}`} />
        <div>
          <Button variant="secondary" size="sm" onClick={onCancel}>
            Cancel upload
          </Button>
        </div>
      </div>
    );
  }
  return <Processing name={phase.name} documentId={phase.documentId} onDismiss={onDismiss} />;
}

/** After the upload: the text is extracted in the background; the list refreshes when it is done. */
function Processing({
  name,
  documentId,
  onDismiss,
}: {
  name: string;
  documentId: string;
  onDismiss: () => void;
}) {
  const router = useRouter();
  const doc = useDocument(documentId);
  const status = doc.data?.status;
  useEffect(() => {
    if (status === 'ready' || status === 'failed') router.refresh();
  }, [status, router]);
  if (doc.error)
    return <Alert>{`Could not read the status of “${name}”: ${describeError(doc.error)}`}</Alert>;
  const d = doc.data;
  if (!d || d.status === 'processing' || d.status === 'awaiting_upload')
    return (
      <div className="flex flex-col gap-2 rounded-md border border-border p-3" data-phase="processing">
        <p role="status" className="text-sm">
          Uploaded <span className="font-medium">{name}</span>. Extracting its text…
        </p>
        <Progress value={100} label={`Upload of ${name}`} />
      </div>
    );
  if (d.status === 'failed')
    return (
      <div className="flex flex-col gap-2" data-phase="failed">
        <Alert>
          {`“${name}” could not be processed: ${d.error ?? 'unknown error'}`}
          {d.error_reason ? ` (reason: ${d.error_reason})` : ''}
        </Alert>
        <div>
          <Button variant="secondary" size="sm" onClick={onDismiss}>
            Upload another file
          </Button>
        </div>
      </div>
    );
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-ok bg-ok-bg p-3 text-sm"
      data-phase="ready"
    >
      <span className="text-ok">
        <span className="font-medium">{name}</span> is ready
        {d.text_chars !== null ? ` · ${d.text_chars.toLocaleString('en')} characters of text` : ''}
        {d.page_count ? ` · ${d.page_count} pages` : ''}.
      </span>
      <Link className={buttonClass('primary', 'sm')} href={`/compliance/documents/${d.id}`}>
        Assess {name}
      </Link>
    </div>
  );
}
