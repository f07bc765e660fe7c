import Link from 'next/link';
import { num, pct } from '@/lib/visibility-format';
import type { GroupMetrics, VisibilityMetrics } from '@/lib/visibility-types';
import { BarChart } from './bar-chart';
import { IntervalBar, LowSampleFlag } from './rate';

const th = 'border-b border-border py-2 pr-3 font-medium';
const td = 'border-b border-border py-2 pr-3 align-top tabular-nums';

/** Every tracked brand side by side over the period: mention rate with its interval, both shares of voice, position, sentiment, citations. */
export function Comparison({ metrics, projectId }: { metrics: VisibilityMetrics; projectId: string }) {
  const g: GroupMetrics = metrics.overall;
  const names = new Map(metrics.brands.map((b) => [b.id, b]));
  const rows = [...g.brands].sort((a, b) => (b.mention_rate.value ?? -1) - (a.mention_rate.value ?? -1));
  return (
    <div className="flex flex-col gap-4">
      <BarChart
        id="compare-mention"
        title="Mention rate by brand, with 95% intervals"
        format={pct}
        bars={rows.map((b) => ({
          label: names.get(b.brand_id)?.name ?? 'deleted brand',
          value: b.mention_rate.value,
          low: b.mention_rate.ci_low,
          high: b.mention_rate.ci_high,
          weak: b.mention_rate.low_sample,
          own: b.owned,
          note: `${b.mention_rate.successes} of ${b.mention_rate.n} answers`,
        }))}
      />
      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" data-testid="comparison-table">
          <caption className="sr-only">Tracked brands compared over the period</caption>
          <thead className="text-xs text-fg-muted">
            <tr>
              <th scope="col" className={th}>
                Brand
              </th>
              <th scope="col" className={th}>
                Mention rate (95% CI)
              </th>
              <th scope="col" className={th}>
                Share of voice, answers
              </th>
              <th scope="col" className={th}>
                Share of voice, mentions
              </th>
              <th scope="col" className={th}>
                Avg position
              </th>
              <th scope="col" className={th}>
                Sentiment
              </th>
              <th scope="col" className={th}>
                Citation rate
              </th>
              <th scope="col" className={th}>
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => {
              const brand = names.get(b.brand_id);
              const name = brand?.name ?? 'deleted brand';
              return (
                <tr key={b.brand_id} data-testid="comparison-row" data-brand={name}>
                  <th scope="row" className={`${td} font-medium`}>
                    {name}
                    {b.owned ? (
                      <span className="block text-xs font-normal text-fg-muted">your brand</span>
                    ) : null}
                  </th>
                  <td className={td}>
                    <span className="flex flex-col gap-1">
                      <span>
                        {pct(b.mention_rate.value)}{' '}
                        <span className="text-xs text-fg-muted">
                          {b.mention_rate.ci_low !== null
                            ? `${pct(b.mention_rate.ci_low)}–${pct(b.mention_rate.ci_high)}`
                            : ''}
                        </span>
                      </span>
                      <IntervalBar
                        rate={b.mention_rate}
                        label={`${name}: 95% interval ${pct(b.mention_rate.ci_low)} to ${pct(b.mention_rate.ci_high)}`}
                      />
                      <LowSampleFlag rate={b.mention_rate} />
                    </span>
                  </td>
                  <td className={td}>{pct(b.sov_answers.value)}</td>
                  <td className={td}>{pct(b.sov_mentions.value)}</td>
                  <td className={td}>{num(b.position.average, 1)}</td>
                  <td className={td}>
                    {b.sentiment.average === null ? '—' : b.sentiment.average.toFixed(2)}
                  </td>
                  <td className={td}>{pct(b.citation_rate.value)}</td>
                  <td className={td}>
                    <Link
                      className="text-accent underline"
                      href={`/visibility/answers?project=${projectId}&brand=${b.brand_id}`}
                    >
                      {b.mention_rate.successes}
                      <span className="sr-only"> answers naming {name}</span>
                    </Link>
                    {b.sentiment.distribution.negative ? (
                      <Link
                        className="ml-2 block text-xs text-danger underline"
                        href={`/visibility/answers?project=${projectId}&brand=${b.brand_id}&sentiment=negative`}
                      >
                        {b.sentiment.distribution.negative} negative
                        <span className="sr-only"> answers about {name}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
