import type { DocumentText, Evidence } from './compliance-types';

/** A quote shown in its surrounding block: `before` + <mark>quote</mark> + `after`. */
export interface EvidenceContext {
  quote: string;
  location: string;
  /** False when the quote was searched for in the extracted text and not found (only the quote is shown). */
  found: boolean;
  before: string;
  match: string;
  after: string;
}

/** Longest context shown on each side of a quote, so a long block stays readable. */
const SIDE = 320;

/**
 * Finds `quote` in `text`, first exactly, then ignoring differences in whitespace and case
 * (extraction and quoting may wrap lines differently). Returns offsets into `text`.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const q = quote.trim();
  if (!q) return null;
  const exact = text.indexOf(q);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  // Collapse whitespace, remembering where each kept character came from.
  const kept: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]);
    if (space && (flat.length === 0 || flat.endsWith(' '))) continue;
    flat += space ? ' ' : text[i].toLowerCase();
    kept.push(i);
  }
  const needle = q.replace(/\s+/g, ' ').toLowerCase();
  const at = flat.indexOf(needle);
  if (at < 0) return null;
  return { start: kept[at], end: kept[at + needle.length - 1] + 1 };
}

function trimStart(s: string): string {
  if (s.length <= SIDE) return s;
  const cut = s.slice(-SIDE);
  const space = cut.indexOf(' ');
  return `…${space > 0 && space < 40 ? cut.slice(space + 1) : cut}`;
}

function trimEnd(s: string): string {
  if (s.length <= SIDE) return s;
  const cut = s.slice(0, SIDE);
  const space = cut.lastIndexOf(' ');
  return `${space > SIDE - 40 ? cut.slice(0, space) : cut}…`;
}

/**
 * The block (paragraph, list item, table cell…) holding the quote, with the quote marked. Without the
 * document's text (a shared report) the quote stands alone.
 */
export function evidenceContext(doc: DocumentText | null, evidence: Evidence): EvidenceContext {
  const base = { quote: evidence.quote, location: evidence.location };
  const hit = doc ? locateQuote(doc.text, evidence.quote) : null;
  if (!doc || !hit) return { ...base, found: !doc, before: '', match: evidence.quote, after: '' };
  const block = doc.blocks.find((b) => b.start <= hit.start && hit.start < b.end);
  const from = block ? Math.min(block.start, hit.start) : Math.max(0, hit.start - SIDE);
  const to = block ? Math.max(block.end, hit.end) : Math.min(doc.text.length, hit.end + SIDE);
  return {
    ...base,
    location: evidence.location || block?.location || '',
    found: true,
    before: trimStart(doc.text.slice(from, hit.start)),
    match: doc.text.slice(hit.start, hit.end),
    after: trimEnd(doc.text.slice(hit.end, to)),
  };
}

/** The same passage can back several facets of one control; show it once. */
export function uniqueEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.location}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
