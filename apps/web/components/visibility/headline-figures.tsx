import type { ReactNode } from 'react';
import { num, pct } from '@/lib/visibility-format';
import type { BrandMetrics } from '@/lib/visibility-types';
import { RateFigure } from './rate';

function Tile({ label, children, formula }: { label: string; children: ReactNode; formula: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-md border border-border p-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-fg-muted">{label}</h3>
      {children}
      <p className="text-xs text-fg-muted">{formula}</p>
    </div>
  );
}

/** The own brand's figures over the whole period, each with its formula in words. */
export function HeadlineFigures({ b }: { b: BrandMetrics }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="headline">
      <Tile label="Mention rate" formula="Answers naming the brand / all answers">
        <RateFigure rate={b.mention_rate} size="lg" testId="mention-rate" />
      </Tile>
      <Tile label="Share of voice" formula="Two definitions, both over tracked brands only">
        <span className="text-2xl font-semibold tabular-nums" data-testid="sov-answers">
          {pct(b.sov_answers.value)}
        </span>
        <span className="text-xs">
          by answers: {b.sov_answers.brand_answers} of {b.sov_answers.answers_with_any} answers naming a
          tracked brand
        </span>
        <span className="text-xs">
          by mentions: <span className="font-medium">{pct(b.sov_mentions.value)}</span> (
          {b.sov_mentions.brand_mentions} of {b.sov_mentions.total_mentions} mentions)
        </span>
      </Tile>
      <Tile label="Average position" formula="Mean rank over answers naming the brand (1 is first)">
        <span className="text-2xl font-semibold tabular-nums" data-testid="avg-position">
          {num(b.position.average, 1)}
        </span>
        <span className="text-xs text-fg-muted">over {b.position.ranked_answers} ranked answers</span>
        <PositionBars distribution={b.position.distribution} />
      </Tile>
      <Tile label="Sentiment" formula="Mean score −1…+1 of the sentences about the brand">
        <span className="text-2xl font-semibold tabular-nums">
          {b.sentiment.average === null ? '—' : b.sentiment.average.toFixed(2)}
        </span>
        <span className="text-xs">
          {Object.entries(b.sentiment.distribution)
            .map(([k, v]) => `${v} ${k}`)
            .join(' · ')}
        </span>
      </Tile>
      <Tile label="Citation rate" formula="Answers citing one of the brand’s domains / all answers">
        <RateFigure rate={b.citation_rate} size="lg" />
      </Tile>
    </div>
  );
}

/** Position distribution as a tiny labelled bar list (rank → answers). */
function PositionBars({ distribution }: { distribution: Record<string, number> }) {
  const entries = Object.entries(distribution)
    .map(([k, v]) => [Number(k), v] as const)
    .sort((a, b) => a[0] - b[0])
    .slice(0, 6);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  if (entries.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5 text-xs" aria-label="Position distribution">
      {entries.map(([rank, count]) => (
        <li key={rank} className="flex items-center gap-2">
          <span className="w-10 shrink-0">#{rank}</span>
          <span
            className="h-2 rounded-sm bg-accent"
            style={{ width: `${(count / max) * 60}%` }}
            aria-hidden="true"
          />
          <span className="tabular-nums">{count}</span>
        </li>
      ))}
    </ul>
  );
}
