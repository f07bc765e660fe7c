import { headSegments } from './heads.ts';
import { brandLikeName } from './names.ts';
import type { Span } from './sentences.ts';
import type { Structure } from './structure.ts';
import { isWordChar, spanLookup } from './text.ts';
import type { CompetitorSuggestion } from './types.ts';
import { GENERIC_HEADS, isCommonWord } from './words.ts';

type Signal = CompetitorSuggestion['signals'][number];

const NAME = String.raw`[\p{Lu}\d][\p{L}\p{N}.+&'-]*`;
const LEADING_PHRASE = new RegExp(String.raw`^${NAME}(?:[ \t]+${NAME})*`, 'u');
const VERSUS = new RegExp(
  String.raw`(${NAME}(?:[ \t]${NAME}){0,2})[ \t]+(?:vs\.?|versus)[ \t]+(${NAME}(?:[ \t]${NAME}){0,2})`,
  'gu',
);

/** The name a list item or row opens with, if it reads like one. */
function nameFromHead(raw: string): string | null {
  const whole = brandLikeName(raw);
  if (whole) return whole;
  const phrase = LEADING_PHRASE.exec(raw)?.[0];
  if (!phrase) return null;
  // "Pipedrive is a sales CRM" yields Pipedrive; "Consider Pipedrive if…" yields nothing.
  const first = phrase.split(/\s+/)[0];
  return isCommonWord(first) ? null : brandLikeName(phrase);
}

/** "HubSpot vs Pipedrive": drops words capitalised only by the sentence ("Comparing X vs Y"). */
function versusSide(raw: string, other: string): string | null {
  const tokens = raw.split(/\s+/);
  while (tokens.length > 1 && isCommonWord(tokens[0])) tokens.shift();
  const name = tokens.join(' ');
  if (brandLikeName(name)) return brandLikeName(name);
  if (tokens.length !== 1 || GENERIC_HEADS.has(name.toLowerCase())) return null;
  return brandLikeName(other) ? name : null;
}

function countOccurrences(
  text: string,
  name: string,
  masked: (start: number, end: number) => boolean,
): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + name.length])) continue;
    if (!masked(at, at + name.length)) count++;
  }
  return count;
}

/**
 * Names that look like brands but are not tracked: what list items, table rows and "X vs Y"
 * comparisons name. Conservative: ordinary words and anything overlapping a tracked mention are left out.
 */
export function suggestCompetitors(
  text: string,
  structure: Structure,
  tracked: Span[],
  masked: Span[],
): CompetitorSuggestion[] {
  const isTracked = spanLookup(tracked);
  const isMasked = spanLookup(masked);
  const found = new Map<string, { name: string; signals: Set<Signal> }>();
  const add = (name: string | null, at: number, signal: Signal) => {
    if (!name || isTracked(at, at + name.length)) return;
    const key = name.toLowerCase();
    const entry = found.get(key) ?? { name, signals: new Set<Signal>() };
    entry.signals.add(signal);
    found.set(key, entry);
  };
  for (const item of structure.items) {
    if (item.header) continue;
    const signal: Signal = item.kind === 'table' ? 'table_row' : 'list_item';
    const [first] = headSegments(text, item);
    if (first) add(nameFromHead(text.slice(first[0], first[1])), first[0], signal);
  }
  for (const m of text.matchAll(VERSUS)) {
    const rightAt = m.index + m[0].lastIndexOf(m[2]);
    const left = versusSide(m[1], m[2]);
    const right = versusSide(m[2], m[1]);
    if (left) add(left, m.index + m[1].lastIndexOf(left), 'versus');
    if (right) add(right, rightAt, 'versus');
  }
  return [...found.values()]
    .map(({ name, signals }) => ({
      name,
      count: countOccurrences(text, name, isMasked),
      signals: [...signals].sort(),
    }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
