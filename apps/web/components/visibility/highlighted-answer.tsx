import { segmentText } from '@/lib/visibility-format';
import type { Mention } from '@/lib/visibility-types';

/**
 * The answer's text as stored, with each mention of a tracked brand marked from its spans. The marks say
 * which brand they are (title and a screen-reader suffix), own brand and competitors styled apart, and a
 * negative sentiment is underlined in red.
 */
export function HighlightedAnswer({ text, mentions }: { text: string; mentions: Mention[] }) {
  const segments = segmentText(text, mentions);
  return (
    <div className="whitespace-pre-wrap break-words text-sm leading-relaxed" data-testid="answer-text">
      {segments.map((s) =>
        s.mention ? (
          <mark
            key={s.start}
            data-brand={s.mention.brand_name ?? s.mention.brand_id}
            data-owned={s.mention.owned}
            data-sentiment={s.mention.sentiment?.label ?? ''}
            title={`${s.mention.brand_name ?? 'Tracked brand'}${s.mention.owned ? ' (your brand)' : ' (competitor)'}${
              s.mention.sentiment ? `, ${s.mention.sentiment.label}` : ''
            }`}
            className={`rounded px-0.5 text-[#14161a] ${s.mention.owned ? 'bg-[#fde68a]' : 'bg-[#dbe4ff]'} ${s.mention.sentiment?.label === 'negative' ? 'underline decoration-[#b4232a] decoration-2' : ''}`}
          >
            {s.text}
            <span className="sr-only">{` (${s.mention.owned ? 'your brand' : 'competitor'})`}</span>
          </mark>
        ) : (
          <span key={s.start}>{s.text}</span>
        ),
      )}
    </div>
  );
}

/** What the marks mean, once above a list of answers. */
export function MentionKey() {
  return (
    <p className="flex flex-wrap items-center gap-3 text-xs text-fg-muted" data-testid="mention-key">
      <span>
        <mark className="rounded bg-[#fde68a] px-1 text-[#14161a]">Your brand</mark>
      </span>
      <span>
        <mark className="rounded bg-[#dbe4ff] px-1 text-[#14161a]">Competitor</mark>
      </span>
      <span>
        <mark className="rounded bg-[#dbe4ff] px-1 text-[#14161a] underline decoration-[#b4232a] decoration-2">
          Underlined
        </mark>{' '}
        spoken of negatively
      </span>
    </p>
  );
}
