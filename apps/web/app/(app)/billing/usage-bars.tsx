import { formatDate } from '@/components/ui/dates';
import { metricLabel, metricValue } from './format';
import type { BillingAccount } from './types';

/** This month's use of each quota, as bars; unlimited metrics show their use alone. */
export function UsageBars({ account }: { account: BillingAccount }) {
  const shown = account.metrics.filter((m) => m.metric !== 'compliance.max_document_bytes');
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-fg-muted">Resets {formatDate(account.period.end)}.</p>
      <ul className="flex flex-col gap-3">
        {shown.map((m) => {
          const pct = m.limit ? Math.min(100, Math.round((m.used / m.limit) * 100)) : 0;
          const over = m.limit !== null && m.used >= m.limit;
          return (
            <li key={m.metric} className="flex flex-col gap-1">
              <div className="flex justify-between text-sm">
                <span>{metricLabel(m.metric)}</span>
                <span className={over ? 'font-medium text-danger' : 'text-fg-muted'}>
                  {metricValue(m.metric, m.used)}
                  {m.limit !== null ? ` of ${metricValue(m.metric, m.limit)}` : ' (unlimited)'}
                </span>
              </div>
              {m.limit !== null ? (
                <div
                  role="progressbar"
                  aria-label={`${metricLabel(m.metric)} used`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={pct}
                  className="h-2 w-full overflow-hidden rounded-full bg-muted"
                >
                  <div
                    className={`h-full rounded-full ${over ? 'bg-danger' : 'bg-accent'}`}
                    style={{ width: `${pct}%` }}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
