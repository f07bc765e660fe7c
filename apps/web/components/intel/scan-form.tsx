'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError, toApiError } from '@/lib/errors';
import type { YaraRuleSet } from '@/lib/intel-types';
import { SCAN_MAX_BYTES } from '@/lib/intel-uploads';
import { formatBytes } from '@/lib/uploads';

/** Sends a file to be scanned with the chosen rule sets (all of the project's when none is ticked). */
export function ScanForm({ projectId, ruleSets }: { projectId: string; ruleSets: YaraRuleSet[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [state, setState] = useState<{ error?: string; message?: string; busy?: boolean }>({});

  const submit = async () => {
    if (!file) return setState({ error: 'Choose a file to scan.' });
    if (file.size === 0) return setState({ error: `“${file.name}” is empty.` });
    if (file.size > SCAN_MAX_BYTES)
      return setState({
        error: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(SCAN_MAX_BYTES)}.`,
      });
    setState({ busy: true });
    const q = new URLSearchParams({ project_id: projectId, filename: file.name });
    if (chosen.length) q.set('rule_set_ids', chosen.join(','));
    try {
      const res = await fetch(`/intel/yara/scan?${q}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
        body: file,
      });
      if (res.status === 401) {
        window.location.href = '/signin?expired=1';
        return;
      }
      if (!res.ok) return setState({ error: describeError(await toApiError(res)) });
      setState({ message: `Scanning ${file.name}. Results appear below.` });
      router.refresh();
    } catch {
      setState({ error: 'The network request failed. Try again.' });
    }
  };

  return (
    <form
      aria-label="Scan a file"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.message ? <Alert kind="ok">{state.message}</Alert> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="scan-file" className="text-sm font-medium">
          File to scan
        </label>
        <input
          id="scan-file"
          type="file"
          aria-describedby="scan-file-hint"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm"
        />
        <p id="scan-file-hint" className="text-xs text-fg-muted">
          Any file up to {formatBytes(SCAN_MAX_BYTES)}. It is scanned in the background and never executed.
        </p>
      </div>
      {ruleSets.length > 0 ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Rule sets (none ticked: all of them)</legend>
          <div className="flex flex-col gap-1">
            {ruleSets.map((r) => (
              <label key={r.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.includes(r.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setChosen((prev) => (on ? [...prev, r.id] : prev.filter((x) => x !== r.id)));
                  }}
                />
                {r.name} <span className="text-xs text-fg-muted">({r.rule_count} rules)</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={state.busy}>
          {state.busy ? 'Sending…' : 'Scan file'}
        </Button>
      </div>
    </form>
  );
}
