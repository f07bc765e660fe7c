export interface EntityCount {
  /** Technique id, actor id, indicator type... */
  key: string;
  label: string;
  count: number;
}

export interface Trend {
  key: string;
  label: string;
  current: number;
  previous: number;
  /** (current + 1) / (previous + 1): add-one smoothing so a first sighting is not an infinite rise. */
  growth: number;
  isNew: boolean;
}

export interface TrendInput {
  periodStart: Date;
  periodEnd: Date;
  newIndicators: EntityCount[];
  techniques: { current: EntityCount[]; previous: EntityCount[] };
  actors: { current: EntityCount[]; previous: EntityCount[] };
  reports: number;
}

export interface TrendSummary {
  periodStart: string;
  periodEnd: string;
  reports: number;
  newIndicators: { total: number; byType: EntityCount[] };
  risingTechniques: Trend[];
  risingActors: Trend[];
  markdown: string;
}

/**
 * Entities seen more this period than the last, strongest first. `minCount` keeps one stray mention
 * from being called a trend.
 */
export function rising(current: EntityCount[], previous: EntityCount[], minCount = 2, limit = 10): Trend[] {
  const before = new Map(previous.map((e) => [e.key, e.count]));
  return current
    .map((e) => {
      const prior = before.get(e.key) ?? 0;
      return {
        key: e.key,
        label: e.label,
        current: e.count,
        previous: prior,
        growth: (e.count + 1) / (prior + 1),
        isNew: prior === 0,
      };
    })
    .filter((t) => t.current >= minCount && t.current > t.previous)
    .sort((a, b) => b.growth - a.growth || b.current - a.current || a.key.localeCompare(b.key))
    .slice(0, limit);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const trendLine = (t: Trend) =>
  `- ${t.label} (${t.key}): ${t.current} this period, ${t.previous} before${t.isNew ? ' — new' : ''}`;

/** The written trend report: figures first, then what rose; deterministic, so it needs no LLM. */
export function summarizeTrends(input: TrendInput): TrendSummary {
  const risingTechniques = rising(input.techniques.current, input.techniques.previous);
  const risingActors = rising(input.actors.current, input.actors.previous);
  const total = input.newIndicators.reduce((sum, e) => sum + e.count, 0);
  const byType = [...input.newIndicators].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const lines = [
    `# Threat trends ${day(input.periodStart)} to ${day(input.periodEnd)}`,
    '',
    `${input.reports} report(s) ingested; ${total} new indicator(s).`,
    ...(byType.length
      ? ['', '## New indicators by type', ...byType.map((e) => `- ${e.label}: ${e.count}`)]
      : []),
    '',
    '## Rising techniques',
    ...(risingTechniques.length ? risingTechniques.map(trendLine) : ['- none above the threshold']),
    '',
    '## Rising actors',
    ...(risingActors.length ? risingActors.map(trendLine) : ['- none above the threshold']),
  ];
  return {
    periodStart: input.periodStart.toISOString(),
    periodEnd: input.periodEnd.toISOString(),
    reports: input.reports,
    newIndicators: { total, byType },
    risingTechniques,
    risingActors,
    markdown: lines.join('\n'),
  };
}
