import { contentChecks } from './checks-content.ts';
import { crawlChecks } from './checks-crawl.ts';
import { llmChecks } from './checks-llm.ts';
import { structuredChecks } from './checks-structured.ts';
import { parseJsonLd } from './jsonld.ts';
import { readPage } from './page.ts';
import type {
  CheckCategory,
  CheckDefinition,
  HealthCheck,
  HealthReport,
  PageContext,
  PageInput,
} from './types.ts';

/** Every check, in report order. Weights are points; the score is the share of applicable points earned. */
export const CHECKS: readonly CheckDefinition[] = [
  ...crawlChecks,
  ...contentChecks,
  ...structuredChecks,
  ...llmChecks,
];

const CATEGORIES: CheckCategory[] = ['crawlability', 'content', 'structured_data', 'llm_readiness'];

function headerLookup(headers: PageInput['headers']): (name: string) => string | null {
  const lower = new Map(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => {
    const value = lower.get(name.toLowerCase());
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join('\n') : value;
  };
}

function context(input: PageInput): PageContext {
  let url: URL | null = null;
  try {
    url = new URL(input.url);
  } catch {
    url = null;
  }
  const fetchedAt = input.fetchedAt instanceof Date ? input.fetchedAt : new Date(input.fetchedAt);
  if (Number.isNaN(fetchedAt.getTime()))
    throw new RangeError(`invalid fetchedAt: ${String(input.fetchedAt)}`);
  const page = readPage(input.html ?? '');
  return {
    input,
    url,
    page,
    jsonLd: parseJsonLd(page.jsonLd),
    header: headerLookup(input.headers),
    fetchedAt,
  };
}

function percent(earned: number, possible: number): number {
  return possible > 0 ? Math.round((100 * earned) / possible) : 100;
}

/**
 * Scores how ready a fetched page is to be read and quoted by LLMs. Pure and deterministic: the
 * same input (including `fetchedAt`) always gives the same report; nothing is fetched here.
 */
export function scorePage(input: PageInput): HealthReport {
  const ctx = context(input);
  const checks: HealthCheck[] = CHECKS.map((def) => {
    const { applicable = true, ...result } = def.run(ctx);
    return {
      id: def.id,
      category: def.category,
      weight: def.weight,
      applicable,
      ...result,
      passed: applicable ? result.passed : true,
    };
  });
  const earned = (list: HealthCheck[]) =>
    list.filter((c) => c.applicable && c.passed).reduce((s, c) => s + c.weight, 0);
  const possible = (list: HealthCheck[]) =>
    list.filter((c) => c.applicable).reduce((s, c) => s + c.weight, 0);
  const categories = Object.fromEntries(
    CATEGORIES.map((cat) => {
      const list = checks.filter((c) => c.category === cat);
      const applicable = list.filter((c) => c.applicable);
      return [
        cat,
        {
          score: percent(earned(list), possible(list)),
          passed: applicable.filter((c) => c.passed).length,
          failed: applicable.filter((c) => !c.passed).length,
        },
      ];
    }),
  ) as HealthReport['categories'];
  return { score: percent(earned(checks), possible(checks)), categories, checks };
}
