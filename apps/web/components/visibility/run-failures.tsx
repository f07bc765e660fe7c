import type { ScanFailure, ScanRun } from '@/lib/visibility-types';

/** Every call that produced no answer and why, grouped by reason code, then listed one by one. */
export function RunFailures({ run }: { run: ScanRun }) {
  if (run.failures.length === 0) return null;
  const prompts = new Map(run.methodology.prompts.map((p) => [p.id, p.text]));
  const byCode = new Map<string, ScanFailure[]>();
  for (const f of run.failures) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return (
    <section aria-labelledby="failures-title" className="flex flex-col gap-2" data-testid="run-failures">
      <h3 id="failures-title" className="text-sm font-semibold">
        {run.failures.length} failed call{run.failures.length === 1 ? '' : 's'}
      </h3>
      <ul className="flex flex-wrap gap-2 text-xs">
        {[...byCode].map(([code, list]) => (
          <li key={code} className="rounded-full bg-danger-bg px-2 py-0.5 text-danger">
            {code.replace(/_/g, ' ')}: {list.length}
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-sm text-accent">Show each failed call</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-xs">
            <caption className="sr-only">Failed calls</caption>
            <thead className="text-fg-muted">
              <tr>
                <th scope="col" className="border-b border-border py-1 pr-3">
                  Prompt
                </th>
                <th scope="col" className="border-b border-border py-1 pr-3">
                  Model
                </th>
                <th scope="col" className="border-b border-border py-1 pr-3">
                  Sample
                </th>
                <th scope="col" className="border-b border-border py-1">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {run.failures.slice(0, 200).map((f) => (
                <tr key={`${f.prompt_id}-${f.model}-${f.sample}`}>
                  <td className="border-b border-border py-1 pr-3">
                    {prompts.get(f.prompt_id) ?? f.prompt_id}
                  </td>
                  <td className="border-b border-border py-1 pr-3 break-all">{f.model}</td>
                  <td className="border-b border-border py-1 pr-3">{f.sample}</td>
                  <td className="border-b border-border py-1">
                    <span className="font-mono">{f.code}</span> {f.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {run.failures.length > 200 ? (
            <p className="mt-1 text-xs text-fg-muted">First 200 of {run.failures.length} shown.</p>
          ) : null}
        </div>
      </details>
    </section>
  );
}
