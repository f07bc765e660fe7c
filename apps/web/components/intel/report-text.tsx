import type { ReactNode } from 'react';
import { type Highlightable, segmentText } from '@/lib/intel-highlight';

const SPAN_STATUS: Record<string, string> = {
  pending: 'underline decoration-dashed decoration-2 decoration-accent',
  accepted: 'underline decoration-solid decoration-2 decoration-ok',
  edited: 'underline decoration-solid decoration-2 decoration-ok',
  rejected: 'line-through decoration-danger decoration-2',
};

/**
 * The report's text with every evidence sentence marked and every extracted value underlined (dashed
 * while pending, solid once accepted, struck through when rejected). Each item's first occurrence
 * carries the anchor `#occ-<id>`, so the review list can jump to it without script, and `:target`
 * rings the value the analyst jumped to.
 */
export function ReportText({
  text,
  items,
  label = 'Report text',
}: {
  text: string;
  items: (Highlightable & { status?: string })[];
  label?: string;
}) {
  const status = new Map(items.map((i) => [i.id, i.status ?? 'pending']));
  const segments = segmentText(text, items);
  return (
    <section
      aria-label={label}
      data-testid="report-text"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="max-h-[70vh] overflow-y-auto whitespace-pre-wrap wrap-anywhere rounded-md border border-border bg-surface p-3 font-serif text-sm leading-relaxed"
    >
      {segments.map((s) => {
        let node: ReactNode = text.slice(s.start, s.end);
        if (s.spans.length > 0) {
          const first = s.spans[0];
          node = (
            <span
              className={`rounded-sm font-mono ${SPAN_STATUS[status.get(first) ?? 'pending']}`}
              data-item={s.spans.join(' ')}
            >
              {node}
            </span>
          );
        }
        if (s.sentences.length > 0)
          node = (
            <mark className="bg-yellow-100 text-black" data-sentence-of={s.sentences.join(' ')}>
              {node}
            </mark>
          );
        if (s.anchors.length === 0) return <span key={s.start}>{node}</span>;
        const [first, ...more] = s.anchors;
        return (
          <span
            key={s.start}
            id={`occ-${first}`}
            className="scroll-mt-24 rounded-sm target:outline-2 target:outline-offset-2 target:outline-accent"
          >
            {more.map((id) => (
              <span key={id} id={`occ-${id}`} />
            ))}
            {node}
          </span>
        );
      })}
    </section>
  );
}
