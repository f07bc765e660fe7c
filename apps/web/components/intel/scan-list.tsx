import { Badge, EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { plural } from '@/lib/intel-format';
import type { YaraScan } from '@/lib/intel-types';
import { formatBytes } from '@/lib/uploads';

const TONE = { queued: 'accent', completed: 'ok', failed: 'danger' } as const;

/** Scans with what matched: rule, its set, tags, and each string's identifier at its offset. */
export function ScanList({ scans }: { scans: YaraScan[] }) {
  if (scans.length === 0)
    return <EmptyState title="No scans yet">Scan a file with the project’s rules.</EmptyState>;
  return (
    <ul className="divide-y divide-border" aria-label="Scans">
      {scans.map((s) => (
        <li key={s.id} className="flex flex-col gap-1.5 py-3" data-testid="scan-row" data-status={s.status}>
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all font-medium">{s.filename}</span>
            <Badge tone={TONE[s.status]}>{s.status}</Badge>
            {s.status === 'completed' ? (
              <span className="text-sm">
                {s.match_count ? plural(s.match_count, 'match', 'matches') : 'no match'}
              </span>
            ) : null}
          </span>
          <span className="text-xs text-fg-muted">
            {formatBytes(s.size_bytes)} · SHA-256 <span className="break-all font-mono">{s.sha256}</span> ·{' '}
            {formatDate(s.created_at)}
          </span>
          {s.error ? <span className="text-sm text-danger">Failed: {s.error}</span> : null}
          {s.matches && s.matches.length > 0 ? (
            <ul
              className="flex flex-col gap-1 border-l-2 border-danger pl-3"
              aria-label={`Matches in ${s.filename}`}
            >
              {s.matches.map((m) => (
                <li key={`${m.rule_set_id}-${m.namespace}-${m.rule}`} className="text-sm">
                  <span className="font-mono font-medium">{m.rule}</span>{' '}
                  <span className="text-xs text-fg-muted">in {m.rule_set}</span>
                  {m.tags.length ? <span className="text-xs"> · tags {m.tags.join(', ')}</span> : null}
                  {m.strings.length > 0 ? (
                    <span className="block font-mono text-xs">
                      {m.strings
                        .slice(0, 8)
                        .map((x) => `${x.identifier} at 0x${x.offset.toString(16)} (${x.length} bytes)`)
                        .join(' · ')}
                      {m.strings.length > 8 ? ` · and ${m.strings.length - 8} more` : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
