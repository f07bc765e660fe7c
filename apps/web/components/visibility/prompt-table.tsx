import Link from 'next/link';
import { pct } from '@/lib/visibility-format';
import { brandIn } from '@/lib/visibility-metrics';
import type { VisibilityMetrics } from '@/lib/visibility-types';
import { IntervalBar, LowSampleFlag } from './rate';

const th = 'border-b border-border py-2 pr-3 font-medium';
const td = 'border-b border-border py-2 pr-3 align-top';

/** Each prompt with the own brand's mention rate, the leading competitor, and a way to its answers. */
export function PromptTable({
  metrics,
  brandId,
  projectId,
}: {
  metrics: VisibilityMetrics;
  brandId: string;
  projectId: string;
}) {
  const texts = new Map(metrics.prompts.map((p) => [p.id, p]));
  const names = new Map(metrics.brands.map((b) => [b.id, b.name]));
  const rows = [...metrics.by_prompt].sort(
    (a, b) => (brandIn(a, brandId)?.mention_rate.value ?? 2) - (brandIn(b, brandId)?.mention_rate.value ?? 2),
  );
  if (rows.length === 0) return <p className="text-sm text-fg-muted">No answers in this period.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="prompt-table">
        <caption className="sr-only">Prompts with mention rates, weakest first</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className={th}>
              Prompt
            </th>
            <th scope="col" className={th}>
              Answers
            </th>
            <th scope="col" className={th}>
              Your mention rate
            </th>
            <th scope="col" className={th}>
              Leading competitor
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => {
            const p = texts.get(g.key);
            const own = brandIn(g, brandId);
            const rival = g.brands
              .filter((b) => b.brand_id !== brandId && !b.owned)
              .sort((a, b) => (b.mention_rate.value ?? -1) - (a.mention_rate.value ?? -1))[0];
            return (
              <tr key={g.key} data-testid="prompt-rate-row">
                <td className={`${td} min-w-48`}>
                  <Link
                    className="text-accent underline"
                    href={`/visibility/answers?project=${projectId}&prompt=${g.key}`}
                  >
                    {p?.text ?? 'deleted prompt'}
                  </Link>
                  {p?.topic ? <span className="block text-xs text-fg-muted">{p.topic}</span> : null}
                </td>
                <td className={`${td} tabular-nums`}>
                  {g.answers}
                  {g.imported_answers ? (
                    <span className="block text-xs text-fg-muted">{g.imported_answers} imported</span>
                  ) : null}
                </td>
                <td className={`${td} tabular-nums`}>
                  {own ? (
                    <span className="flex flex-col gap-1">
                      <span>
                        {pct(own.mention_rate.value)}{' '}
                        <span className="text-xs text-fg-muted">
                          {own.mention_rate.ci_low !== null
                            ? `${pct(own.mention_rate.ci_low)}–${pct(own.mention_rate.ci_high)}`
                            : ''}
                        </span>
                      </span>
                      <IntervalBar
                        rate={own.mention_rate}
                        label={`95% interval ${pct(own.mention_rate.ci_low)} to ${pct(own.mention_rate.ci_high)}`}
                      />
                      <LowSampleFlag rate={own.mention_rate} />
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className={td}>
                  {rival?.mention_rate.value ? (
                    <>
                      {names.get(rival.brand_id) ?? '—'}{' '}
                      <span className="tabular-nums">{pct(rival.mention_rate.value)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
