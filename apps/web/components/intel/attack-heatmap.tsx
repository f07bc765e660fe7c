import Link from 'next/link';
import type { HeatCell, HeatMap } from '@/lib/intel-attack';
import { plural } from '@/lib/intel-format';

/**
 * Shades mix the theme's accent into its surface, so they follow light and dark themes; the darkest
 * level switches to the accent's own text colour to keep contrast. Counts are always written in the
 * cell, so the shade is never the only cue.
 */
const SHADE: Record<HeatCell['level'], { background: string; color?: string }> = {
  0: { background: 'var(--surface)' },
  1: { background: 'color-mix(in srgb, var(--accent) 14%, var(--surface))' },
  2: { background: 'color-mix(in srgb, var(--accent) 28%, var(--surface))' },
  3: { background: 'color-mix(in srgb, var(--accent) 45%, var(--surface))' },
  4: { background: 'var(--accent)', color: 'var(--accent-fg)' },
};

/** The range of report counts each shade stands for, written out in the legend. */
function levelRange(level: 1 | 2 | 3 | 4, max: number): string {
  const from = Math.floor(((level - 1) * max) / 4) + 1;
  const to = Math.floor((level * max) / 4);
  if (to < from) return '';
  return from === to ? `${from}` : `${from}–${to}`;
}

export function HeatLegend({ max }: { max: number }) {
  const levels = ([1, 2, 3, 4] as const)
    .map((l) => ({ l, range: levelRange(l, max) }))
    .filter((x) => x.range);
  return (
    <ul className="flex flex-wrap items-center gap-2 text-xs" aria-label="Legend: reports per technique">
      <li className="flex items-center gap-1">
        <span
          aria-hidden="true"
          className="inline-block h-4 w-6 rounded border border-border"
          style={SHADE[0]}
        />
        not seen
      </li>
      {levels.map(({ l, range }) => (
        <li key={l} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-4 w-6 rounded border border-border"
            style={SHADE[l]}
          />
          {range} {range === '1' ? 'report' : 'reports'}
        </li>
      ))}
    </ul>
  );
}

function Cell({ cell, href }: { cell: HeatCell; href: (id: string) => string }) {
  const seenSubs = cell.subs.filter((s) => s.count > 0);
  const style = SHADE[cell.level];
  return (
    <li
      className="rounded border border-border p-1.5 text-xs leading-snug"
      style={style}
      data-testid="heat-cell"
      data-technique={cell.attack_id}
      data-count={cell.total}
      data-level={cell.level}
    >
      <Link
        href={href(cell.attack_id)}
        className="block font-medium underline-offset-2 hover:underline"
        style={{ color: 'inherit' }}
      >
        {cell.name}
      </Link>
      <span className="block font-mono">{cell.attack_id}</span>
      <span className="block font-semibold tabular-nums">
        {cell.total === 0 ? 'not seen' : plural(cell.total, 'report')}
        {seenSubs.length > 0 && cell.own !== cell.total ? (
          <span className="font-normal"> ({cell.total - cell.own} via sub-techniques)</span>
        ) : null}
      </span>
      {seenSubs.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer">{plural(seenSubs.length, 'sub-technique')} seen</summary>
          <ul className="mt-1 flex flex-col gap-0.5">
            {seenSubs.map((s) => (
              <li key={s.attack_id}>
                <Link href={href(s.attack_id)} className="underline" style={{ color: 'inherit' }}>
                  <span className="font-mono">{s.attack_id}</span> {s.name}
                </Link>
                : {s.count}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/**
 * The ATT&CK matrix as a heat map: one column per tactic in kill-chain order, one cell per technique,
 * shaded by how many of the organization's reports mention it (sub-techniques rolled up into their
 * parent). Each column is a labelled list, so a screen reader reads tactic, technique and count.
 */
export function AttackHeatmap({ map, href }: { map: HeatMap; href: (id: string) => string }) {
  return (
    <section
      aria-label="ATT&CK heat map, tactics as columns"
      data-testid="heatmap"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the matrix scrolls sideways; keyboard users need to reach it
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-border"
    >
      <div className="grid auto-cols-[minmax(9.5rem,13rem)] grid-flow-col gap-1.5 p-2">
        {map.columns.map((col) => {
          const headingId = `tactic-${col.tactic.shortname}`;
          return (
            <section
              key={col.tactic.shortname}
              aria-labelledby={headingId}
              data-testid="heat-column"
              data-tactic={col.tactic.shortname}
            >
              <h3 id={headingId} className="min-h-12 border-b-2 border-accent pb-1 text-xs font-semibold">
                {col.tactic.name}
                <span className="block font-normal text-fg-muted">
                  {col.tactic.attack_id ? `${col.tactic.attack_id} · ` : ''}
                  {col.seen} of {plural(col.cells.length, 'technique')} seen
                </span>
              </h3>
              <ul className="mt-1.5 flex flex-col gap-1" aria-labelledby={headingId}>
                {col.cells.map((cell) => (
                  <Cell key={cell.attack_id} cell={cell} href={href} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
