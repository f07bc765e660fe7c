import { DASHES, MARKERS, markerPath, PALETTE } from '@/lib/visibility-chart';

/** Series names with the same colour, dash and marker as in the chart. */
export function ChartLegend({ names }: { names: string[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
      {names.map((name, i) => (
        <li key={name} className="flex items-center gap-1.5">
          <svg width="26" height="10" aria-hidden="true" className="shrink-0">
            <line
              x1="1"
              x2="25"
              y1="5"
              y2="5"
              stroke={PALETTE[i % PALETTE.length]}
              strokeWidth="2"
              strokeDasharray={DASHES[i % DASHES.length] || undefined}
            />
            <path d={markerPath(MARKERS[i % MARKERS.length], 13, 5, 3)} fill={PALETTE[i % PALETTE.length]} />
          </svg>
          <span className="break-all">{name}</span>
        </li>
      ))}
    </ul>
  );
}
