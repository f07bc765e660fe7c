import { foldName } from './text.ts';
import type { MentionKind, TrackedBrand } from './types.ts';
import { isCommonWord, TEMPORAL } from './words.ts';

/**
 * How a surface form must be cased in the answer:
 * - `insensitive`: any case (HubSpot, hubspot, HUBSPOT);
 * - `exact`: exactly as configured, for short acronyms (`3M` is not `3m`, `SAP` is not `sap`);
 * - `ambiguous`: an ordinary word (Notion, Apple, Slack), accepted only capitalised and in context.
 */
export type CaseRule = 'insensitive' | 'exact' | 'ambiguous';

export interface BrandForm {
  brandId: string;
  form: string;
  folded: string;
  kind: MentionKind;
  caseRule: CaseRule;
  /** Day or month name (Monday): needs the brand confirmed elsewhere in the answer. */
  temporal: boolean;
  allowPlural: boolean;
  /** Long, purely alphabetic forms may also match one typo away. */
  fuzzy: boolean;
}

const FUZZY_MIN_LENGTH = 6;

export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

function caseRuleFor(form: string, kind: MentionKind, brand: TrackedBrand): CaseRule {
  if (kind === 'domain') return 'insensitive';
  const letters = form.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length <= 2) return 'exact';
  if (letters.length <= 4 && letters === letters.toUpperCase()) return 'exact';
  const words = form.trim().split(/\s+/);
  if (words.length === 1 && brand.ambiguous) return 'ambiguous';
  // "Notion", "Sales Cloud", "Free Now": every word is an ordinary word.
  if (words.every((w) => /^\p{L}+$/u.test(w) && isCommonWord(w))) return 'ambiguous';
  return 'insensitive';
}

function compileForm(brand: TrackedBrand, form: string, kind: MentionKind): BrandForm | null {
  const trimmed = form.trim();
  if (!trimmed) return null;
  const folded = kind === 'domain' ? normaliseDomain(trimmed) : foldName(trimmed);
  if (!folded) return null;
  const caseRule = caseRuleFor(trimmed, kind, brand);
  const alphabetic = /^[\p{L} ]+$/u.test(folded);
  return {
    brandId: brand.id,
    form: kind === 'domain' ? folded : trimmed,
    folded,
    kind,
    caseRule,
    temporal: TEMPORAL.has(folded),
    allowPlural: kind !== 'domain' && caseRule === 'insensitive' && /\p{L}$/u.test(folded),
    fuzzy: caseRule === 'insensitive' && alphabetic && folded.replace(/ /g, '').length >= FUZZY_MIN_LENGTH,
  };
}

/** All surface forms of all brands; a form claimed by two brands stays with the first. */
export function compileForms(brands: TrackedBrand[]): BrandForm[] {
  const seen = new Set<string>();
  const forms: BrandForm[] = [];
  for (const brand of brands) {
    const entries: [string, MentionKind][] = [
      [brand.name, 'name'],
      ...(brand.aliases ?? []).map((a): [string, MentionKind] => [a, 'alias']),
      ...(brand.products ?? []).map((p): [string, MentionKind] => [p, 'product']),
      ...(brand.domains ?? []).map((d): [string, MentionKind] => [d, 'domain']),
    ];
    for (const [text, kind] of entries) {
      const form = compileForm(brand, text, kind);
      // Case-sensitive forms differing only in case ("FREE NOW", "Free Now") are both kept.
      const key = form?.caseRule === 'insensitive' ? form.folded : `${form?.folded}\u0000${form?.form}`;
      if (!form || seen.has(key)) continue;
      seen.add(key);
      forms.push(form);
    }
  }
  return forms;
}
