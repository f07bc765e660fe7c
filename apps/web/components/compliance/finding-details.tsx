import type { Finding } from '@/lib/compliance-types';
import type { EvidenceContext } from '@/lib/evidence';

/** A quote in its surrounding text, the quote itself marked. */
function Quote({ context }: { context: EvidenceContext }) {
  return (
    <figure className="flex flex-col gap-1" data-testid="evidence">
      <blockquote className="whitespace-pre-wrap wrap-anywhere rounded-md border-l-4 border-accent bg-muted px-3 py-2 text-sm">
        {context.before}
        <mark className="rounded-sm bg-yellow-200 px-0.5 text-black">{context.match}</mark>
        {context.after}
      </blockquote>
      <figcaption className="text-xs text-fg-muted">
        {context.location ? `Location: ${context.location}` : 'Location not recorded'}
        {context.found ? '' : ' · not found word for word in the extracted text'}
      </figcaption>
    </figure>
  );
}

function List({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-fg-muted">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same sentence may appear twice
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Gaps, recommendations and evidence of one finding; `level` keeps the page's heading outline. */
export function FindingDetails({
  finding,
  contexts,
  level = 3,
}: {
  finding: Finding;
  contexts: EvidenceContext[];
  level?: 3 | 4;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  const heading = 'mb-1 text-sm font-semibold';
  return (
    <div className="flex flex-col gap-3">
      {finding.rationale ? (
        <p className="text-sm">
          <span className="font-medium">Why: </span>
          {finding.rationale}{' '}
          <span className="text-fg-muted">
            ({finding.method} engine, confidence {Math.round(finding.confidence * 100)}%)
          </span>
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <H className={heading}>Gaps</H>
          <List items={finding.gaps} empty="No gaps found." />
        </div>
        <div>
          <H className={heading}>Recommendations</H>
          <List items={finding.recommendations} empty="No recommendations." />
        </div>
      </div>
      <div>
        <H className={heading}>Evidence</H>
        {contexts.length === 0 ? (
          <p className="text-sm text-fg-muted">No passage of the document supports this control.</p>
        ) : (
          <div className="flex flex-col gap-2">
            {contexts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: quotes may repeat
              <Quote key={i} context={c} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
