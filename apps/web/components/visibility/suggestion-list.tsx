import Link from 'next/link';
import { addSuggestedCompetitor } from '@/app/(app)/visibility/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Badge, EmptyState } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Suggestion } from '@/lib/visibility-types';

const SIGNAL: Record<string, string> = {
  list_item: 'list entry',
  table_row: 'table row',
  versus: '“X vs Y”',
  heading: 'heading',
};

/** Brand-like names the extractor found in answers that are not tracked, with "Add as competitor". */
export function SuggestionList({
  suggestions,
  projectId,
  canEdit,
}: {
  suggestions: Suggestion[];
  projectId: string;
  canEdit: boolean;
}) {
  if (suggestions.length === 0)
    return (
      <EmptyState title="No suggestions">
        Names that answers list next to your brand appear here once there are answers.
      </EmptyState>
    );
  return (
    <ul className="divide-y divide-border" aria-label="Suggested competitors">
      {suggestions.map((s) => (
        <li
          key={s.name}
          className="flex flex-wrap items-center justify-between gap-2 py-2"
          data-testid="suggestion"
        >
          <span className="min-w-0">
            <span className="font-medium">{s.name}</span>
            <span className="block text-xs text-fg-muted">
              in {s.answers} answer{s.answers === 1 ? '' : 's'} ({s.occurrences} times) ·{' '}
              {s.signals.map((g) => (
                <Badge key={g}>{SIGNAL[g] ?? g.replace(/_/g, ' ')}</Badge>
              ))}{' '}
              ·{' '}
              <Link
                className="text-accent underline"
                href={`/visibility/answers/${s.example_answer_id}?project=${projectId}`}
              >
                example answer<span className="sr-only"> naming {s.name}</span>
              </Link>
            </span>
          </span>
          {canEdit ? (
            <ActionForm action={addSuggestedCompetitor} label={`Add ${s.name} as competitor`}>
              <input type="hidden" name="project_id" value={projectId} />
              <input type="hidden" name="name" value={s.name} />
              <SubmitButton
                size="sm"
                variant="secondary"
                pendingText="Adding…"
                aria-label={`Add ${s.name} as competitor`}
              >
                Add as competitor
              </SubmitButton>
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
