import type { BrandForm } from './forms.ts';
import type { Candidate } from './matcher.ts';
import { type FoldedText, spanLookup, toOriginal } from './text.ts';
import { isDictionaryWord } from './words.ts';

/**
 * Damerau-Levenshtein distance in its "optimal string alignment" form: insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1 ("Slaesforce" is 1 from "Salesforce").
 */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

interface Token {
  start: number;
  end: number;
}

function tokens(folded: string): Token[] {
  return [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// Endings that turn a name into another word ("Googled", "Zoomer") rather than misspell it.
const WORD_ENDINGS = ['s', 'd', 'r', 'y'];

function plausibleTypo(window: string, form: BrandForm): boolean {
  if (window === form.folded || window[0] !== form.folded[0]) return false;
  if (Math.abs(window.length - form.folded.length) > 1) return false;
  if (WORD_ENDINGS.some((e) => window === form.folded + e)) return false;
  return damerauLevenshtein(window, form.folded) === 1;
}

/**
 * Misspelt brand names, one edit away from a long alphabetic form. Conservative on purpose: the
 * word must start with the same letter, be capitalised as written and not be an English word.
 */
export function findFuzzy(text: FoldedText, forms: BrandForm[], masked: [number, number][]): Candidate[] {
  const eligible = forms.filter((f) => f.fuzzy);
  if (eligible.length === 0) return [];
  const toks = tokens(text.folded);
  const isMasked = spanLookup(masked);
  const found: Candidate[] = [];
  for (const form of eligible) {
    const formWords = form.folded.split(' ');
    const words = formWords.length;
    for (let i = 0; i + words <= toks.length; i++) {
      const first = toks[i];
      const last = toks[i + words - 1];
      const window = text.folded.slice(first.start, last.end);
      // Multi-word windows must be separated by single spaces only, like the form itself.
      if (window.split(' ').length !== words || /[^\p{L}\p{N} ]/u.test(window)) continue;
      if (!plausibleTypo(window, form)) continue;
      const span = toOriginal(text, first.start, last.end);
      const surface = text.original.slice(span[0], span[1]);
      if (surface[0] !== surface[0].toUpperCase()) continue;
      if (window.split(' ').some((w, k) => w !== formWords[k] && isDictionaryWord(w))) continue;
      if (isMasked(span[0], span[1])) continue;
      found.push({ form, span, suffix: possessiveAfter(text, last.end), distance: 1, fuzzy: true });
    }
  }
  return found;
}

function possessiveAfter(text: FoldedText, foldedEnd: number): string {
  if (!/^'s\b/.test(text.folded.slice(foldedEnd, foldedEnd + 3))) return '';
  return text.original.slice(text.starts[foldedEnd], text.ends[foldedEnd + 1]);
}
