import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { pct } from '@/lib/visibility-format';
import { brandIn } from '@/lib/visibility-metrics';
import type { DomainCount, GroupMetrics } from '@/lib/visibility-types';
import { IntervalBar, LowSampleFlag } from './rate';

const th = 'border-b border-border py-2 pr-3 font-medium';
const td = 'border-b border-border py-2 pr-3 align-top tabular-nums';

/** The own brand's mention rate per model (or topic), with intervals and flags. */
export function GroupRateTable({
  groups,
  brandId,
  caption,
  heading,
  linkFor,
}: {
  groups: GroupMetrics[];
  brandId: string;
  caption: string;
  heading: string;
  linkFor?: (key: string) => string;
}) {
  if (groups.length === 0) return <p className="text-sm text-fg-muted">No answers in this period.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className={th}>
              {heading}
            </th>
            <th scope="col" className={th}>
              Answers
            </th>
            <th scope="col" className={th}>
              Your mention rate (95% CI)
            </th>
            <th scope="col" className={th}>
              With citations
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const b = brandIn(g, brandId);
            return (
              <tr key={g.key}>
                <th scope="row" className={`${td} break-all font-normal`}>
                  {linkFor ? (
                    <Link className="text-accent underline" href={linkFor(g.key)}>
                      {g.key}
                    </Link>
                  ) : (
                    g.key
                  )}
                </th>
                <td className={td}>{g.answers}</td>
                <td className={td}>
                  {b ? (
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
                        label={`${g.key}: 95% interval ${pct(b.mention_rate.ci_low)} to ${pct(b.mention_rate.ci_high)}`}
                      />
                      <LowSampleFlag rate={b.mention_rate} />
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className={td}>{pct(g.answers_with_citations.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const CLASS_TONE = { owned: 'ok', competitor: 'danger', third_party: 'neutral' } as const;

/** The domains answers cite most, classed owned / competitor / third party. */
export function DomainTable({ domains }: { domains: DomainCount[] }) {
  if (domains.length === 0) return <p className="text-sm text-fg-muted">No citations in this period.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="domain-table">
        <caption className="sr-only">Most cited domains</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className={th}>
              Domain
            </th>
            <th scope="col" className={th}>
              Class
            </th>
            <th scope="col" className={th}>
              Citations
            </th>
            <th scope="col" className={th}>
              Answers
            </th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.domain}>
              <th scope="row" className={`${td} break-all font-normal`}>
                {d.domain}
              </th>
              <td className={td}>
                <Badge tone={CLASS_TONE[d.class] ?? 'neutral'}>{d.class.replace('_', ' ')}</Badge>
              </td>
              <td className={td}>{d.citations}</td>
              <td className={td}>{d.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
