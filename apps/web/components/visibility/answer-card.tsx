import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { RANK_METHOD, sentimentTone } from '@/lib/visibility-format';
import type { Answer } from '@/lib/visibility-types';
import { HighlightedAnswer } from './highlighted-answer';

/** One raw answer: what was asked, which model, the text with mentions marked, then mentions and citations. */
export function AnswerCard({ answer }: { answer: Answer }) {
  const negative = answer.mentions.some((m) => m.sentiment?.label === 'negative');
  return (
    <article
      className="flex flex-col gap-3 rounded-md border border-border p-3"
      aria-labelledby={`answer-${answer.id}`}
      data-testid="answer"
      data-negative={negative}
    >
      <header className="flex flex-col gap-1">
        <h3 id={`answer-${answer.id}`} className="break-words text-sm font-semibold">
          {answer.prompt_text}
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
          <span className="break-all font-mono">{answer.model}</span>
          <span>· {formatDate(answer.sampled_at)}</span>
          {answer.imported ? (
            <Badge>imported{answer.import_label ? `: ${answer.import_label}` : ''}</Badge>
          ) : null}
          {answer.web_search ? <Badge>web search</Badge> : null}
          {answer.topic ? <Badge>{answer.topic}</Badge> : null}
          <Link
            className="text-accent underline"
            href={`/visibility/answers/${answer.id}?project=${answer.project_id}`}
          >
            open<span className="sr-only"> this answer on its own page</span>
          </Link>
        </p>
      </header>
      <HighlightedAnswer text={answer.text} mentions={answer.mentions} />
      {answer.mentions.length > 0 ? (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Brands mentioned">
          {answer.mentions.map((m) => (
            <li key={m.brand_id} className="rounded-md border border-border px-2 py-1" data-testid="mention">
              <span className="font-semibold">{m.brand_name ?? 'deleted brand'}</span>
              {m.owned ? ' (yours)' : ''} · {m.count}×
              {m.rank !== null ? (
                <>
                  {' '}
                  · rank {m.rank}
                  {m.rank_method ? ` by ${RANK_METHOD[m.rank_method] ?? m.rank_method}` : ''}
                  {m.rank_confidence !== null ? ` (${Math.round(m.rank_confidence * 100)}% confident)` : ''}
                </>
              ) : null}
              {m.sentiment ? (
                <>
                  {' '}
                  · <Badge tone={sentimentTone(m.sentiment.label)}>{m.sentiment.label}</Badge>{' '}
                  <span className="text-fg-muted">({m.sentiment.method})</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-fg-muted">No tracked brand is mentioned.</p>
      )}
      {answer.citations.length > 0 ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-accent">
            {answer.citations.length} citation{answer.citations.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-1 flex flex-col gap-1">
            {answer.citations.map((c) => (
              <li key={c.url} className="break-all">
                <Badge tone={c.class === 'owned' ? 'ok' : c.class === 'competitor' ? 'danger' : 'neutral'}>
                  {c.class.replace('_', ' ')}
                </Badge>{' '}
                <span className="font-medium">{c.domain}</span> {c.url}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
