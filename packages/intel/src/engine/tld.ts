import { SPECIAL_USE_TLDS, TLD_LIST } from './data/tlds.ts';

const TLDS = new Set(TLD_LIST);
const SPECIAL = new Set(SPECIAL_USE_TLDS);

/** A TLD of the public DNS root (case-insensitive); punycode TLDs (xn--) are accepted by shape. */
export function isTld(label: string): boolean {
  const lower = label.toLowerCase();
  return TLDS.has(lower) || (lower.startsWith('xn--') && lower.length > 5);
}

/** A special-use TLD such as .test, .local or .onion. */
export function isSpecialUseTld(label: string): boolean {
  return SPECIAL.has(label.toLowerCase());
}
