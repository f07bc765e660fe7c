import type { CheckDefinition, PageContext } from './types.ts';

export const FRESHNESS_MONTHS = 12;
/** BCP 47-shaped: a 2-3 letter language, then optional subtags (en, en-GB, zh-Hant-TW). */
const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const DAY_MS = 86_400_000;

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Where the page says it was last changed, most explicit source first. */
function lastModified(ctx: PageContext): { date: Date; source: string } | null {
  const candidates: [unknown, string][] = [
    ...ctx.jsonLd.entities.map((e): [unknown, string] => [e.data.dateModified, 'json-ld dateModified']),
    ...ctx.page.metas
      .filter((m) =>
        /^(?:article:modified_time|og:updated_time|last-modified|dateModified)$/i.test(
          m.property ?? m.name ?? m.itemprop ?? '',
        ),
      )
      .map((m): [unknown, string] => [m.content, `meta ${m.property ?? m.name ?? m.itemprop}`]),
    [ctx.header('last-modified'), 'Last-Modified header'],
    ...ctx.jsonLd.entities.map((e): [unknown, string] => [e.data.datePublished, 'json-ld datePublished']),
  ];
  for (const [value, source] of candidates) {
    const date = parseDate(value);
    if (date) return { date, source };
  }
  return null;
}

function subtractMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export const llmChecks: CheckDefinition[] = [
  {
    id: 'llms_txt',
    category: 'llm_readiness',
    weight: 4,
    run: ({ input }) => {
      const text = (input.llmsTxt ?? '').trim();
      // The llms.txt proposal starts the file with an H1 naming the site.
      const wellFormed = /^#\s+\S/.test(text);
      return {
        passed: wellFormed,
        message: !text
          ? 'No /llms.txt on the site.'
          : wellFormed
            ? '/llms.txt is present.'
            : '/llms.txt is present but does not start with a "# Title" line.',
        details: { present: text.length > 0, well_formed: wellFormed, bytes: text.length },
      };
    },
  },
  {
    id: 'markdown_twin',
    category: 'llm_readiness',
    weight: 3,
    run: ({ input, page }) => {
      const linked = page.links.find(
        (l) => (l.rel ?? '').toLowerCase().includes('alternate') && /markdown/i.test(l.type ?? ''),
      );
      const fetched = (input.markdownTwin ?? '').trim().length > 0;
      return {
        passed: fetched || Boolean(linked),
        message: fetched
          ? 'A Markdown version of the page is available.'
          : linked
            ? `The page links a Markdown version (${linked.href}).`
            : 'No Markdown version of the page.',
        details: { fetched, linked: linked?.href ?? null },
      };
    },
  },
  {
    id: 'lang_attribute',
    category: 'llm_readiness',
    weight: 3,
    run: ({ page }) => {
      const ok = page.lang !== null && LANG_TAG.test(page.lang);
      return {
        passed: ok,
        message: ok
          ? `<html lang="${page.lang}">.`
          : page.lang
            ? `lang="${page.lang}" is not a language tag.`
            : 'No lang attribute on <html>.',
        details: { lang: page.lang },
      };
    },
  },
  {
    id: 'freshness',
    category: 'llm_readiness',
    weight: 4,
    run: (ctx) => {
      const found = lastModified(ctx);
      if (!found)
        return {
          passed: false,
          message: 'No modification date (dateModified, article:modified_time or Last-Modified).',
          details: {},
        };
      const cutoff = subtractMonths(ctx.fetchedAt, FRESHNESS_MONTHS);
      const future = found.date.getTime() > ctx.fetchedAt.getTime() + DAY_MS;
      const fresh = !future && found.date >= cutoff;
      const iso = found.date.toISOString();
      return {
        passed: fresh,
        message: future
          ? `The modification date ${iso} is after the fetch; it cannot be trusted.`
          : fresh
            ? `Updated ${iso.slice(0, 10)} (${found.source}), within ${FRESHNESS_MONTHS} months.`
            : `Last updated ${iso.slice(0, 10)} (${found.source}), more than ${FRESHNESS_MONTHS} months before the fetch.`,
        details: { modified: iso, source: found.source, fetched_at: ctx.fetchedAt.toISOString() },
      };
    },
  },
];
