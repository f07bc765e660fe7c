/** Pure geometry for the dependency-free SVG charts: scales, ticks and paths. */

export interface ChartPoint {
  x: string;
  y: number | null;
  low?: number | null;
  high?: number | null;
  /** Drawn hollow: too few samples to trust. */
  weak?: boolean;
  /** Extra words for the data table and the point's tooltip, e.g. "n = 12". */
  note?: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/** Colours that read on light and dark surfaces; marker shapes and dashes tell series apart without colour. */
export const PALETTE = [
  '#3f5bd8',
  '#d9622b',
  '#10907f',
  '#b23cc2',
  '#6b8e23',
  '#d6336c',
  '#7a6a00',
  '#5f6b7a',
];
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'];
export const MARKERS = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'circle',
  'square',
  'triangle',
  'diamond',
] as const;

/** "Nice" tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.5 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/** The domain of a chart: fixed for rates, from the data (and its intervals) otherwise. */
export function yDomain(series: ChartSeries[], fixed?: [number, number]): [number, number] {
  if (fixed) return fixed;
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => [p.y, p.low, p.high].filter((v): v is number => typeof v === 'number')),
  );
  if (values.length === 0) return [0, 1];
  return [Math.min(...values), Math.max(...values)];
}

/** The union of x labels in first-seen order, sorted when they are ISO dates. */
export function xLabels(series: ChartSeries[]): string[] {
  const seen = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))];
  return seen.every((x) => /^\d{4}-\d{2}-\d{2}/.test(x)) ? seen.sort() : seen;
}

/** An SVG path through the points, broken where a value is missing. */
export function linePath(coords: ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const c of coords) {
    if (!c) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${c.x.toFixed(1)},${c.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function markerPath(shape: (typeof MARKERS)[number], x: number, y: number, r = 4): string {
  switch (shape) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`;
    case 'diamond':
      return `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`;
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** Short x labels: "2026-11-02" → "Nov 2"; anything else unchanged. */
export function shortDate(x: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
  if (!m) return x;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    Number(m[2]) - 1
  ];
  return `${month} ${Number(m[3])}`;
}
