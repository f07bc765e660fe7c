import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { micros } from '@/lib/visibility-format';
import type { ScanRun } from '@/lib/visibility-types';
import { RunStatusBadge } from './status-badge';

/** Runs newest first: status, calls answered and failed, cost. */
export function RunList({ runs, projectId }: { runs: ScanRun[]; projectId: string }) {
  if (runs.length === 0)
    return <EmptyState title="No scans yet">Start one above, or import answers.</EmptyState>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Scan runs, newest first</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className="border-b border-border py-2 pr-3">
              Started
            </th>
            <th scope="col" className="border-b border-border py-2 pr-3">
              Status
            </th>
            <th scope="col" className="border-b border-border py-2 pr-3">
              Model set
            </th>
            <th scope="col" className="border-b border-border py-2 pr-3 text-right">
              Answered
            </th>
            <th scope="col" className="border-b border-border py-2 pr-3 text-right">
              Failed
            </th>
            <th scope="col" className="border-b border-border py-2 text-right">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="run-row" data-status={r.status}>
              <td className="border-b border-border py-2 pr-3">
                <Link
                  className="text-accent underline"
                  href={`/visibility/scans/${r.id}?project=${projectId}`}
                >
                  {formatDate(r.created_at)}
                </Link>
              </td>
              <td className="border-b border-border py-2 pr-3">
                <RunStatusBadge status={r.status} /> {r.status === 'RUNNING' ? `${r.progress}%` : null}
              </td>
              <td className="border-b border-border py-2 pr-3">{r.methodology.model_set_name}</td>
              <td className="border-b border-border py-2 pr-3 text-right tabular-nums">
                {r.completed_calls} / {r.total_calls}
              </td>
              <td className="border-b border-border py-2 pr-3 text-right tabular-nums">{r.failed_calls}</td>
              <td className="border-b border-border py-2 text-right tabular-nums">{micros(r.cost_micros)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
