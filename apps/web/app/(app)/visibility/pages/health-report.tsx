import type { HealthReport } from './types';

const CATEGORY: Record<string, string> = {
  crawlability: 'Crawlability',
  content: 'Content',
  structured_data: 'Structured data',
  llm_readiness: 'LLM readiness',
};

function tone(score: number) {
  return score >= 80 ? 'text-ok' : score >= 50 ? 'text-fg' : 'text-danger';
}

/** The score, its four categories, and every applicable check with why it passed or failed. */
export function HealthReportView({ report, busy }: { report: HealthReport; busy?: boolean }) {
  const checks = report.checks.filter((c) => c.applicable);
  return (
    <div className="flex flex-col gap-3" aria-busy={busy || undefined}>
      <p className="flex items-baseline gap-2">
        <span className={`text-3xl font-semibold ${tone(report.score)}`} data-testid="health-score">
          {report.score}
        </span>
        <span className="text-sm text-fg-muted">/ 100 health{busy ? ' · updating…' : ''}</span>
      </p>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        {Object.entries(report.categories).map(([key, c]) => (
          <div key={key} className="rounded-md border border-border px-2 py-1">
            <dt className="text-fg-muted">{CATEGORY[key] ?? key}</dt>
            <dd className={`font-medium ${tone(c.score)}`}>
              {c.score} <span className="text-xs text-fg-muted">({c.failed} to fix)</span>
            </dd>
          </div>
        ))}
      </dl>
      <ul className="flex flex-col gap-1 text-sm">
        {checks
          .sort((a, b) => Number(a.passed) - Number(b.passed))
          .map((c) => (
            <li key={c.id} className="flex gap-2">
              <span aria-hidden className={c.passed ? 'text-ok' : 'text-danger'}>
                {c.passed ? '✓' : '✗'}
              </span>
              <span>
                <span className="sr-only">{c.passed ? 'Passed: ' : 'Failed: '}</span>
                {c.message}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}
