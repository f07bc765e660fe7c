import { PALETTE } from '@/lib/visibility-chart';

export interface Bar {
  label: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  weak?: boolean;
  /** Highlight (the project's own brand). */
  own?: boolean;
  note?: string;
}

const ROW = 30;
const W = 480;
const LABEL = 120;
const VALUE = 56;

/**
 * Horizontal bars in plain SVG with 95% interval whiskers; each bar is also listed in text for screen
 * readers. Bars with too few samples are drawn lighter and say so.
 */
export function BarChart({
  id,
  title,
  bars,
  format,
  max = 1,
}: {
  id: string;
  title: string;
  bars: Bar[];
  format: (v: number) => string;
  max?: number;
}) {
  const top = Math.max(max, ...bars.map((b) => b.high ?? b.value ?? 0));
  const iw = W - LABEL - VALUE - 8;
  const xAt = (v: number) => LABEL + (Math.max(0, v) / (top || 1)) * iw;
  const H = bars.length * ROW + 8;
  return (
    <figure className="flex min-w-0 flex-col gap-2" data-testid="bar-chart" data-chart={id}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="text-sm text-fg-muted">No data.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="h-auto w-full text-fg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>
            {bars
              .map(
                (b) =>
                  `${b.label}: ${b.value === null ? 'no data' : format(b.value)}${b.weak ? ' (too few samples)' : ''}`,
              )
              .join('; ')}
          </desc>
          {bars.map((b, i) => {
            const y = 4 + i * ROW;
            const color = b.own ? PALETTE[0] : PALETTE[7];
            return (
              <g key={b.label}>
                <text
                  x={LABEL - 8}
                  y={y + ROW / 2 + 4}
                  textAnchor="end"
                  fontSize={12}
                  fill="currentColor"
                  fontWeight={b.own ? 600 : 400}
                >
                  {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
                </text>
                <rect
                  x={LABEL}
                  y={y + 5}
                  width={iw}
                  height={ROW - 10}
                  fill="currentColor"
                  fillOpacity={0.05}
                />
                {b.value !== null ? (
                  <rect
                    x={LABEL}
                    y={y + 5}
                    width={Math.max(1, xAt(b.value) - LABEL)}
                    height={ROW - 10}
                    fill={color}
                    fillOpacity={b.weak ? 0.4 : 0.9}
                  >
                    <title>{`${b.label}: ${format(b.value)}${b.note ? ` (${b.note})` : ''}${b.weak ? ', too few samples' : ''}`}</title>
                  </rect>
                ) : null}
                {typeof b.low === 'number' && typeof b.high === 'number' ? (
                  <path
                    d={`M${xAt(b.low)},${y + ROW / 2}H${xAt(b.high)}M${xAt(b.low)},${y + 9}V${y + ROW - 9}M${xAt(b.high)},${y + 9}V${y + ROW - 9}`}
                    stroke="currentColor"
                    strokeWidth={1.5}
                    fill="none"
                  />
                ) : null}
                <text x={W - 4} y={y + ROW / 2 + 4} textAnchor="end" fontSize={12} fill="currentColor">
                  {b.value === null ? '—' : format(b.value)}
                  {b.weak ? '*' : ''}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {bars.some((b) => b.weak) ? (
        <p className="text-xs text-fg-muted">* too few samples: read as indicative only.</p>
      ) : null}
    </figure>
  );
}
