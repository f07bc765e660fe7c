import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import type { Indicator } from '@/lib/intel-types';
import { Confidence, IndicatorTypeBadge, TlpBadge } from './badges';

const expired = (i: Indicator) => i.expires_at !== null && new Date(i.expires_at).getTime() < Date.now();

export function IndicatorTable({ indicators, caption }: { indicators: Indicator[]; caption: string }) {
  if (indicators.length === 0)
    return (
      <EmptyState title="No indicators match">Accept items of a report, or change the filters.</EmptyState>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Value
            </th>
            <th scope="col" className="py-2 pr-3">
              Type
            </th>
            <th scope="col" className="py-2 pr-3">
              Confidence
            </th>
            <th scope="col" className="hidden py-2 pr-3 md:table-cell">
              TLP
            </th>
            <th scope="col" className="hidden py-2 pr-3 text-right md:table-cell">
              Reports
            </th>
            <th scope="col" className="hidden py-2 pr-3 lg:table-cell">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {indicators.map((i) => (
            <tr
              key={i.id}
              data-testid="indicator-row"
              data-type={i.type}
              data-value={i.value}
              className="align-top"
            >
              <td className="max-w-[28rem] py-2 pr-3">
                <Link
                  href={`/intel/indicators/${i.id}`}
                  className="break-all font-mono text-accent underline"
                >
                  {i.value}
                </Link>
                {i.warnings.length > 0 ? (
                  <span className="block text-xs text-danger">
                    <span aria-hidden="true">⚠ </span>
                    {i.warnings.join('; ')}
                  </span>
                ) : null}
                {expired(i) ? (
                  <span className="block text-xs text-fg-muted">expired {formatDate(i.expires_at)}</span>
                ) : null}
              </td>
              <td className="py-2 pr-3">
                <IndicatorTypeBadge type={i.type} />
              </td>
              <td className="py-2 pr-3">
                <Confidence value={i.confidence} />
              </td>
              <td className="hidden py-2 pr-3 md:table-cell">
                <TlpBadge tlp={i.tlp} />
              </td>
              <td className="hidden py-2 pr-3 text-right tabular-nums md:table-cell">{i.sightings}</td>
              <td className="hidden whitespace-nowrap py-2 pr-3 lg:table-cell">{formatDate(i.last_seen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
