import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { plural } from '@/lib/intel-format';
import type { Report } from '@/lib/intel-types';
import { ReportStatusBadge, TlpBadge } from './badges';

const SOURCE: Record<string, string> = {
  text: 'pasted',
  url: 'from URL',
  upload: 'uploaded',
  feed: 'from a feed',
};

/** What the review decided, in words: "12 accepted · 3 pending". */
export function statsLine(stats: Record<string, number> | null): string {
  if (!stats) return '';
  const parts: string[] = [];
  if (typeof stats.total === 'number') parts.push(plural(stats.total, 'item'));
  for (const key of ['accepted', 'rejected', 'pending']) {
    const n = stats[key];
    if (typeof n === 'number' && n > 0) parts.push(`${n.toLocaleString('en')} ${key}`);
  }
  return parts.join(' · ');
}

export function ReportList({
  reports,
  projectNames,
}: {
  reports: Report[];
  projectNames: Map<string, string>;
}) {
  if (reports.length === 0)
    return <EmptyState title="No reports yet">Paste, fetch or upload a threat report to start.</EmptyState>;
  return (
    <ul className="divide-y divide-border" aria-label="Reports">
      {reports.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 py-3" data-testid="report-row" data-status={r.status}>
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/intel/reports/${r.id}`}
              className="min-w-0 break-words font-medium text-accent underline"
            >
              {r.title}
            </Link>
            <ReportStatusBadge status={r.status} />
            <TlpBadge tlp={r.tlp} />
          </span>
          <span className="text-xs text-fg-muted">
            {SOURCE[r.source] ?? r.source} {formatDate(r.created_at)}
            {r.project_id && projectNames.get(r.project_id) ? ` · ${projectNames.get(r.project_id)}` : ''}
            {r.method ? ` · ${r.method} extraction` : ''}
            {statsLine(r.stats) ? ` · ${statsLine(r.stats)}` : ''}
          </span>
          {r.status === 'failed' && r.error ? (
            <span className="text-sm text-danger">Failed: {r.error}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export const reportCount = (n: number) => plural(n, 'report');
