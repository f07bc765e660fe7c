import { stem } from '../engine/text/stem.ts';
import type { OscalParam, OscalPart } from './oscal-model.ts';
import { flattenPart, partWords } from './oscal-text.ts';
import type { Facet } from './types.ts';

const TERMS_PER_FACET = 2;

const STOPWORDS = new Set(
  `the and for with that this from into such their those these other which when where whether within without each
  every than then them they have been being will shall must should could would also only including include includes
  based upon under over more most less least all any both either neither about after before between through during
  organization organizational organizations system systems defined information ensure ensures appropriate applicable
  related associated following specified required requires requirement requirements employ employs implement
  implements established establish document documented documents maintain maintains process processes procedures
  procedure policy policies control controls support provide provides specific specified identified define specify
  using used uses current number maximum minimum develop disseminate review update manage management assign require
  address addresses designate official perform frequency necessary allowed additional type types level personnel roles
  organization-defined following needed needs made make makes take takes part parts`.split(/\s+/),
);

/**
 * Document frequencies of words over a whole catalog's statement items, so facets are keyed on the
 * words that set an item apart ("account", "managers") rather than those every control uses.
 */
export function wordFrequencies(items: readonly OscalPart[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const item of items)
    for (const word of new Set(contentWords(partWords(item)).map(stem)))
      frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
  return frequencies;
}

/** One facet per top-level statement item; the item's rarest content words must appear together. */
export function facetsFromStatement(
  statement: OscalPart,
  params: ReadonlyMap<string, OscalParam>,
  frequencies: ReadonlyMap<string, number>,
  fallbackText: string,
): Facet[] {
  const items = statement.parts?.filter((p) => p.name === 'item') ?? [];
  const sources = items.length ? items : [statement];
  const facets: Facet[] = [];
  sources.forEach((item, i) => {
    const label = item.props?.find((p) => p.name === 'label')?.value.replace(/[.)]/g, '') || String(i + 1);
    const terms = salientWords(partWords(item) || fallbackText, frequencies);
    if (terms.length === 0) return;
    const description = lowerFirst(stripLabel(flattenPart(item, params)) || fallbackText).replace(
      /[;:,.]*(\s+(and|or))?\s*$/,
      '',
    );
    facets.push({ key: label, description, terms: terms.map((t) => [t]) });
  });
  return facets;
}

function salientWords(text: string, frequencies: ReadonlyMap<string, number>): string[] {
  const seen = new Set<string>();
  const candidates: { word: string; df: number; order: number }[] = [];
  contentWords(text).forEach((word, order) => {
    const key = stem(word);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ word, df: frequencies.get(key) ?? 0, order });
  });
  return candidates
    .sort((a, b) => a.df - b.df || a.order - b.order)
    .slice(0, TERMS_PER_FACET)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.word);
}

/** Words that can carry a requirement: not function words, not generic policy verbs, not adverbs. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z-]*[a-z]/g) ?? []).filter(
    (w) => w.length >= 4 && !STOPWORDS.has(w) && !w.endsWith('ly'),
  );
}

function stripLabel(text: string): string {
  return text.replace(/^([a-z0-9]{1,3}[.)])\s+/i, '');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
