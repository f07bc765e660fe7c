import {
  frameworkLabel,
  percent,
  SEVERITIES,
  SEVERITY_LABEL,
  STATUS_LABEL,
  STATUSES,
} from '@/lib/compliance-format';
import type { AssessmentSummary, CoverageSummary, Framework, StatusCounts } from '@/lib/compliance-types';

const SEGMENT: Record<keyof StatusCounts, string> = {
  met: 'bg-ok',
  partial: 'bg-accent',
  missing: 'bg-danger',
  not_applicable: 'bg-fg-muted',
};

const describeCounts = (c: StatusCounts) =>
  STATUSES.map((s) => `${c[s]} ${STATUS_LABEL[s].toLowerCase()}`).join(', ');

/** Findings by status as one stacked bar; the counts are also written out, so colour is never the only cue. */
function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <div
      role="img"
      aria-label={`${label}: ${describeCounts(counts)}`}
      className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
    >
      {total > 0
        ? STATUSES.map((s) =>
            counts[s] > 0 ? (
              <span key={s} className={SEGMENT[s]} style={{ width: `${(counts[s] / total) * 100}%` }} />
            ) : null,
          )
        : null}
    </div>
  );
}

function CoverageRow({ name, summary }: { name: string; summary: CoverageSummary }) {
  const pct = summary.coverage === null ? 0 : Math.round(summary.coverage * 100);
  return (
    <li className="flex flex-col gap-1.5" data-testid="framework-coverage">
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{name}</span>
        <span className="text-sm">
          <span className="font-semibold">{percent(summary.coverage)}</span> coverage
        </span>
      </div>
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
      </div>
      <StatusBar counts={summary.byStatus} label={`${name} findings by status`} />
      <p className="text-xs text-fg-muted">
        {summary.total} controls · {describeCounts(summary.byStatus)}
      </p>
    </li>
  );
}

function Legend() {
  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted"
      aria-label="Colours of the status bars"
    >
      {STATUSES.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${SEGMENT[s]}`} />
          {STATUS_LABEL[s]}
        </li>
      ))}
    </ul>
  );
}

/** Coverage per framework (bars), and counts by status and severity (a table). */
export function SummaryView({
  summary,
  frameworks,
}: {
  summary: AssessmentSummary;
  frameworks?: Framework[];
}) {
  const o = summary.overall;
  return (
    <div className="flex flex-col gap-5" data-testid="summary">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <p>
          <span className="block text-3xl font-semibold" data-testid="overall-coverage">
            {percent(o.coverage)}
          </span>
          <span className="text-sm text-fg-muted">overall coverage</span>
        </p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          {STATUSES.map((s) => (
            <div key={s} className="flex gap-1.5">
              <dt className="text-fg-muted">{STATUS_LABEL[s]}</dt>
              <dd className="font-semibold">{o.byStatus[s]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <figure className="flex flex-col gap-3">
        <figcaption className="text-sm font-medium">Coverage per framework</figcaption>
        <ul className="flex flex-col gap-4">
          {summary.frameworks.map((f) => (
            <CoverageRow key={f.framework} name={frameworkLabel(f.framework, frameworks)} summary={f} />
          ))}
        </ul>
        <Legend />
      </figure>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-sm font-medium">Findings by severity and status</caption>
          <thead className="text-xs text-fg-muted">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Severity
              </th>
              {STATUSES.map((s) => (
                <th key={s} scope="col" className="px-2 py-1 text-right">
                  {STATUS_LABEL[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {SEVERITIES.map((sev) => (
              <tr key={sev}>
                <th scope="row" className="py-1 pr-2 font-medium">
                  {SEVERITY_LABEL[sev]}
                </th>
                {STATUSES.map((s) => (
                  <td key={s} className="px-2 py-1 text-right tabular-nums">
                    {o.bySeverity[sev]?.[s] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
