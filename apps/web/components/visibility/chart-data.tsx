import type { ChartSeries } from '@/lib/visibility-chart';

/** The chart's numbers as a table, folded away: the keyboard and screen-reader path to every point. */
export function ChartData({
  title,
  series,
  xs,
  format,
}: {
  title: string;
  series: ChartSeries[];
  xs: string[];
  format: (v: number) => string;
}) {
  if (xs.length === 0) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-accent">Show the data as a table</summary>
      <div className="relative mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-border py-1 pr-3">
                Period
              </th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="border-b border-border py-1 pr-3">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {xs.map((x) => (
              <tr key={x}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {x}
                </th>
                {series.map((s) => {
                  const p = s.points.find((q) => q.x === x);
                  return (
                    <td key={s.name} className="py-1 pr-3 tabular-nums">
                      {p && p.y !== null ? format(p.y) : '—'}
                      {p?.low != null && p?.high != null ? ` (${format(p.low)}–${format(p.high)})` : ''}
                      {p?.note ? ` · ${p.note}` : ''}
                      {p?.weak ? ' · too few samples' : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
