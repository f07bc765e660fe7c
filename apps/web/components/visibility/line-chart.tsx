import {
  type ChartSeries,
  DASHES,
  linePath,
  MARKERS,
  markerPath,
  niceTicks,
  PALETTE,
  shortDate,
  xLabels,
  yDomain,
} from '@/lib/visibility-chart';
import { ChartData } from './chart-data';
import { ChartLegend } from './chart-legend';

const W = 800;
const H = 280;
const M = { top: 14, right: 16, bottom: 34, left: 48 };

/**
 * A trend line chart in plain SVG (rendered on the server, no script). The image has a title and a
 * text summary for screen readers, and the same numbers are one click away as a table. Points drawn
 * hollow have too few samples to trust; a shaded band is the 95% interval of a single series.
 */
export function LineChart({
  id,
  title,
  series,
  format,
  domain,
  summary,
  invert = false,
}: {
  /** Unique on the page (ties the SVG to its title and description). */
  id: string;
  title: string;
  series: ChartSeries[];
  format: (v: number) => string;
  /** Fixed y domain, e.g. [0, 1] for rates. */
  domain?: [number, number];
  /** One sentence read out for the chart; defaults to the latest value of each series. */
  summary?: string;
  /** Lower is better (positions): the axis runs top to bottom. */
  invert?: boolean;
}) {
  const xs = xLabels(series);
  const [lo, hi] = yDomain(series, domain);
  const ticks = domain ? niceTicks(domain[0], domain[1], 5) : niceTicks(lo, hi, 5);
  const y0 = ticks[0];
  const y1 = ticks[ticks.length - 1];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const xAt = (i: number) => M.left + (xs.length <= 1 ? iw / 2 : (i / (xs.length - 1)) * iw);
  const yAt = (v: number) => {
    const t = (v - y0) / (y1 - y0 || 1);
    return M.top + (invert ? t : 1 - t) * ih;
  };
  const every = Math.max(1, Math.ceil(xs.length / 8));
  const band = series.length === 1 ? series[0] : null;
  const latest =
    summary ??
    series
      .map((s) => {
        const last = [...s.points].reverse().find((p) => p.y !== null);
        return last && last.y !== null ? `${s.name} ${format(last.y)} on ${last.x}` : `${s.name}: no data`;
      })
      .join('; ');

  return (
    <figure className="flex min-w-0 flex-col gap-2" data-testid="line-chart" data-chart={id}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {xs.length === 0 ? (
        <p className="text-sm text-fg-muted">No data in this period.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="h-auto w-full max-w-full text-fg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{`Latest: ${latest}. Hollow points have too few samples.`}</desc>
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={M.left}
                x2={W - M.right}
                y1={yAt(t)}
                y2={yAt(t)}
                stroke="currentColor"
                strokeOpacity={0.12}
              />
              <text
                x={M.left - 6}
                y={yAt(t) + 4}
                textAnchor="end"
                fontSize={11}
                fill="currentColor"
                fillOpacity={0.75}
              >
                {format(t)}
              </text>
            </g>
          ))}
          {xs.map((x, i) =>
            i % every === 0 || i === xs.length - 1 ? (
              <text
                key={x}
                x={xAt(i)}
                y={H - 12}
                textAnchor="middle"
                fontSize={11}
                fill="currentColor"
                fillOpacity={0.75}
              >
                {shortDate(x)}
              </text>
            ) : null,
          )}
          {band ? <Band points={band.points} xs={xs} xAt={xAt} yAt={yAt} /> : null}
          {series.map((s, si) => {
            const color = PALETTE[si % PALETTE.length];
            const coords = xs.map((x, i) => {
              const p = s.points.find((q) => q.x === x);
              return p && p.y !== null ? { x: xAt(i), y: yAt(p.y) } : null;
            });
            return (
              <g key={s.name}>
                <path
                  d={linePath(coords)}
                  fill="none"
                  stroke={color}
                  strokeWidth={2}
                  strokeDasharray={DASHES[si % DASHES.length] || undefined}
                />
                {xs.map((x, i) => {
                  const p = s.points.find((q) => q.x === x);
                  if (!p || p.y === null) return null;
                  return (
                    <path
                      key={x}
                      d={markerPath(MARKERS[si % MARKERS.length], xAt(i), yAt(p.y))}
                      fill={p.weak ? 'var(--surface, #fff)' : color}
                      stroke={color}
                      strokeWidth={1.5}
                    >
                      <title>{`${s.name}, ${x}: ${format(p.y)}${p.note ? ` (${p.note})` : ''}${p.weak ? ', too few samples' : ''}`}</title>
                    </path>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
      {series.length > 1 ? <ChartLegend names={series.map((s) => s.name)} /> : null}
      <ChartData title={title} series={series} xs={xs} format={format} />
    </figure>
  );
}

function Band({
  points,
  xs,
  xAt,
  yAt,
}: {
  points: ChartSeries['points'];
  xs: string[];
  xAt: (i: number) => number;
  yAt: (v: number) => number;
}) {
  const withCi = xs
    .map((x, i) => ({ i, p: points.find((q) => q.x === x) }))
    .filter((c) => c.p && typeof c.p.low === 'number' && typeof c.p.high === 'number');
  if (withCi.length < 2) return null;
  const top = withCi.map((c) => `${xAt(c.i).toFixed(1)},${yAt(c.p!.high as number).toFixed(1)}`);
  const bottom = [...withCi]
    .reverse()
    .map((c) => `${xAt(c.i).toFixed(1)},${yAt(c.p!.low as number).toFixed(1)}`);
  return <polygon points={[...top, ...bottom].join(' ')} fill={PALETTE[0]} fillOpacity={0.12} />;
}
