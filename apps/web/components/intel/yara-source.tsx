import type { LineProblem } from '@/lib/intel-yara';

/**
 * Rules with line numbers; a line with a compile error (or warning) is marked and its messages follow
 * it, so the analyst sees each problem where it is.
 */
export function YaraSource({
  source,
  problems = [],
  tone = 'error',
  label = 'Rule source',
}: {
  source: string;
  problems?: LineProblem[];
  tone?: 'error' | 'warning';
  label?: string;
}) {
  const byLine = new Map<number, LineProblem[]>();
  for (const p of problems) if (p.line) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  const lines = source.split('\n');
  const mark = tone === 'error' ? 'bg-danger-bg' : 'bg-muted';
  const text = tone === 'error' ? 'text-danger' : 'text-fg';
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the source scrolls; keyboard users need to reach it
      tabIndex={0}
      className="max-h-[60vh] overflow-auto rounded-md border border-border bg-surface font-mono text-xs"
      data-testid="yara-source"
    >
      <ol className="min-w-max py-1">
        {lines.map((line, i) => {
          const n = i + 1;
          const here = byLine.get(n);
          return (
            <li
              key={n}
              className={here ? mark : undefined}
              data-line={n}
              data-problem={here ? 'true' : undefined}
            >
              <span className="flex">
                <span aria-hidden="true" className="w-12 shrink-0 select-none pr-3 text-right text-fg-muted">
                  {n}
                </span>
                <span className="whitespace-pre pr-3">{line || ' '}</span>
              </span>
              {here?.map((p) => (
                <span
                  key={`${p.column}-${p.message}`}
                  className={`block pl-12 pr-3 font-sans font-medium ${text}`}
                >
                  <span aria-hidden="true">{tone === 'error' ? '✖ ' : '⚠ '}</span>
                  {tone === 'error' ? 'Error' : 'Warning'} on line {n}
                  {p.column ? `, column ${p.column}` : ''}: {p.message}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
