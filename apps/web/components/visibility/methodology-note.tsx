import type { MetricDefinition, MetricsMethodology } from '@/lib/visibility-types';

export interface MethodologySummary {
  answers: number;
  imported: number;
  models: string[];
  /** e.g. "3 per prompt", "1–3 per prompt", or null when unknown (imports only). */
  samples: string | null;
  webSearch: 'on' | 'off' | 'mixed' | 'unknown';
  sentiment: string | null;
  period: string | null;
  lowSampleThreshold: number;
}

/**
 * Beside every figure: how many answers it rests on, which models, samples per prompt, web search on or
 * off, how many were imported, and how sentiment was scored. Without it a percentage cannot be read.
 */
export function MethodologyNote({ m, compact = false }: { m: MethodologySummary; compact?: boolean }) {
  const items: [string, string][] = [
    [
      'Answers',
      `${m.answers.toLocaleString('en')}${m.imported ? ` (${m.imported.toLocaleString('en')} imported)` : ''}`,
    ],
    ['Models', m.models.length ? m.models.join(', ') : '—'],
    ['Samples', m.samples ?? 'as imported'],
    ['Web search', m.webSearch === 'unknown' ? 'not applicable (imported)' : m.webSearch],
    ['Sentiment', m.sentiment ?? '—'],
  ];
  if (m.period) items.push(['Period', m.period]);
  return (
    <aside
      aria-label="Methodology"
      className="rounded-md border border-border bg-muted px-3 py-2 text-xs text-fg"
      data-testid="methodology"
    >
      <p className="mb-1 font-semibold">Methodology</p>
      <dl
        className={
          compact ? 'flex flex-wrap gap-x-4 gap-y-0.5' : 'grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5'
        }
      >
        {items.map(([k, v]) => (
          <div key={k} className={compact ? 'flex gap-1' : 'contents'}>
            <dt className="text-fg-muted">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-fg-muted">
        Rates carry a Wilson 95% interval; groups under {m.lowSampleThreshold} answers are flagged “too few
        samples”.
      </p>
    </aside>
  );
}

/** Every figure's formula, as the API reference documents it. */
export function MetricDefinitions({ definitions }: { definitions: MetricDefinition[] }) {
  if (definitions.length === 0) return null;
  return (
    <details className="text-sm" data-testid="definitions">
      <summary className="cursor-pointer font-medium text-accent">How each figure is computed</summary>
      <dl className="mt-2 flex flex-col gap-2">
        {definitions.map((d) => (
          <div key={d.name}>
            <dt className="font-mono text-xs font-semibold">{d.name}</dt>
            <dd>
              <span className="block">{d.formula}</span>
              <span className="block text-xs text-fg-muted">{d.notes}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The metrics API's methodology block, in the note's terms. */
export function summaryFromMetrics(m: MetricsMethodology): MethodologySummary {
  const samples = [...m.samples_per_prompt].sort((a, b) => a - b);
  return {
    answers: m.answers,
    imported: m.imported_answers,
    models: m.models,
    samples:
      samples.length === 0
        ? null
        : samples.length === 1
          ? `${samples[0]} per prompt`
          : `${samples[0]}–${samples[samples.length - 1]} per prompt`,
    webSearch: m.web_search === 'n/a' ? 'unknown' : m.web_search,
    sentiment: m.sentiment_method,
    period: `${m.from.slice(0, 10)} to ${m.to.slice(0, 10)}${m.runs ? ` · ${m.runs} scan run${m.runs === 1 ? '' : 's'}` : ''}`,
    lowSampleThreshold: m.low_sample_threshold,
  };
}
