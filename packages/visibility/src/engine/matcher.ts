import type { BrandForm } from './forms.ts';
import { type FoldedText, isWordChar, spanLookup, stripAccents, toOriginal } from './text.ts';

/** A form found in the text, before the context rules for ambiguous names are applied. */
export interface Candidate {
  form: BrandForm;
  /** Span in the original text, without the suffix. */
  span: [number, number];
  suffix: string;
  distance: number;
  fuzzy: boolean;
}

// Possessive or plural endings in the folded text (apostrophes are already straight there).
const POSSESSIVE = /^'s?/;
const PLURAL = /^(?:es|s)(?:'s?)?/;

function suffixAt(folded: string, at: number, form: BrandForm): string {
  const rest = folded.slice(at, at + 4);
  const possessive = POSSESSIVE.exec(rest)?.[0] ?? '';
  // A bare apostrophe is only a possessive after an s ("Teams' plan"), not a closing quote.
  if (possessive === "'" && !form.folded.endsWith('s')) return '';
  if (possessive) return possessive;
  return form.allowPlural ? (PLURAL.exec(rest)?.[0] ?? '') : '';
}

/** Word boundaries that also work for names starting or ending in symbols (.NET, C++). */
function boundaryOk(folded: string, start: number, end: number, form: BrandForm): boolean {
  const before = folded[start - 1];
  const after = folded[end];
  if (isWordChar(before) || isWordChar(after)) return false;
  // "@hubspot" is a handle, and "C+++" or "..NET" are not the name either.
  if (before === '@') return false;
  if (before !== undefined && before === form.folded[0] && !isWordChar(before)) return false;
  const last = form.folded[form.folded.length - 1];
  if (after !== undefined && after === last && !isWordChar(after)) return false;
  return true;
}

function surfaceOk(text: FoldedText, span: [number, number], form: BrandForm): boolean {
  if (form.caseRule === 'insensitive') return true;
  const surface = stripAccents(text.original.slice(span[0], span[1])).replace(/\s+/g, ' ');
  return surface === stripAccents(form.form).replace(/\s+/g, ' ');
}

/** Every exact (case- and accent-folded) occurrence of every form outside the masked spans. */
export function findExact(text: FoldedText, forms: BrandForm[], masked: [number, number][]): Candidate[] {
  const found: Candidate[] = [];
  const { folded } = text;
  const isMasked = spanLookup(masked);
  for (const form of forms) {
    let from = 0;
    for (;;) {
      const start = folded.indexOf(form.folded, from);
      if (start < 0) break;
      from = start + 1;
      const end = start + form.folded.length;
      let suffix = suffixAt(folded, end, form);
      if (suffix && !boundaryOk(folded, start, end + suffix.length, form)) suffix = '';
      if (!suffix && !boundaryOk(folded, start, end, form)) continue;
      const span = toOriginal(text, start, end);
      if (isMasked(span[0], span[1])) continue;
      if (!surfaceOk(text, span, form)) continue;
      const suffixText = suffix ? text.original.slice(span[1], text.ends[end + suffix.length - 1]) : '';
      found.push({ form, span, suffix: suffixText, distance: 0, fuzzy: false });
    }
  }
  return found;
}

/**
 * Keeps the longest of overlapping candidates (so "Microsoft Dynamics" beats "Microsoft"), then the
 * earliest; exact matches win over fuzzy ones of the same length.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.span[1] - b.span[0] - (a.span[1] - a.span[0]) ||
      Number(a.fuzzy) - Number(b.fuzzy) ||
      a.span[0] - b.span[0],
  );
  // Mentions are short, so marking the characters they take is cheaper than comparing pairs.
  const taken = new Uint8Array(candidates.reduce((max, c) => Math.max(max, c.span[1]), 0));
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (taken.subarray(c.span[0], c.span[1]).includes(1)) continue;
    taken.fill(1, c.span[0], c.span[1]);
    kept.push(c);
  }
  return kept.sort((a, b) => a.span[0] - b.span[0]);
}
