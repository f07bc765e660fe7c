import { Badge } from '@/components/ui/card';
import { pct } from '@/lib/visibility-format';
import type { Rate } from '@/lib/visibility-types';

/** "Too few samples" next to any rate computed from fewer answers than the API's threshold. */
export function LowSampleFlag({ rate }: { rate: Pick<Rate, 'low_sample' | 'n'> }) {
  if (!rate.low_sample) return null;
  return (
    <span title={`Only ${rate.n} answers: the interval is wide, read this as indicative.`}>
      <Badge tone="danger">too few samples</Badge>
    </span>
  );
}

/**
 * A rate with its Wilson 95% interval and sample size, e.g. "42%  95% CI 30–55% · 18 of 43 answers",
 * flagged when there are too few samples. `size="lg"` is the headline figure of a card.
 */
export function RateFigure({
  rate,
  size = 'sm',
  testId,
}: {
  rate: Rate;
  size?: 'sm' | 'lg';
  testId?: string;
}) {
  if (rate.value === null) return <span className="text-sm text-fg-muted">no answers yet</span>;
  return (
    <span className="inline-flex flex-col gap-0.5" data-testid={testId} data-low-sample={rate.low_sample}>
      <span className={size === 'lg' ? 'text-2xl font-semibold tabular-nums' : 'font-medium tabular-nums'}>
        {pct(rate.value)}
      </span>
      <span className="text-xs text-fg-muted">
        {rate.ci_low !== null && rate.ci_high !== null ? (
          <>
            <abbr title="Wilson 95% confidence interval">95% CI</abbr> {pct(rate.ci_low)}–{pct(rate.ci_high)}
            {' · '}
          </>
        ) : null}
        {rate.successes} of {rate.n} answers
      </span>
      <LowSampleFlag rate={rate} />
    </span>
  );
}

/** The interval as a thin bar (0–100%) with the estimate marked, for table cells. */
export function IntervalBar({ rate, label }: { rate: Rate; label: string }) {
  if (rate.value === null || rate.ci_low === null || rate.ci_high === null) return null;
  return (
    <span className="relative block h-1.5 w-24 rounded-full bg-muted" role="img" aria-label={label}>
      <span
        className={`absolute top-0 h-1.5 rounded-full ${rate.low_sample ? 'bg-fg-muted' : 'bg-accent'} opacity-50`}
        style={{
          left: `${rate.ci_low * 100}%`,
          width: `${Math.max(1, (rate.ci_high - rate.ci_low) * 100)}%`,
        }}
      />
      <span
        className="absolute -top-0.5 h-2.5 w-0.5 bg-fg"
        style={{ left: `calc(${rate.value * 100}% - 1px)` }}
      />
    </span>
  );
}
