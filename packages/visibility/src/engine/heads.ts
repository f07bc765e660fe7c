import type { MentionIndex } from './mention-index.ts';
import type { Item } from './structure.ts';
import type { Mention } from './types.ts';

export interface BrandMention {
  brandId: string;
  mention: Mention;
}

/** Markup, emoji and rank badges that may precede the name an item is about. */
const DECORATION = /^(?:[\s*_[`>#~"“]|\p{Extended_Pictographic}|\uFE0F|\u200D|\d{1,3}[.)]\s|#\d+\s?|The\s)+/u;
const SEPARATOR = /\*\*|__|\]|\s[–—-]\s|[–—]|:\s|:$|\s\(|,\s|\.\s|\.$|\s\||!\s|\?\s/;
const RANK_CELL = /^(?:#?\d{1,3}(?:st|nd|rd|th)?\.?|\p{Extended_Pictographic}\uFE0F?|rank|#|no\.?)$/iu;

/** A span of the text where an item names what it is about. */
export type Segment = [number, number];

function trimmed(text: string, start: number, end: number): Segment {
  const lead = DECORATION.exec(text.slice(start, end));
  let a = start + (lead ? lead[0].length : 0);
  let b = end;
  while (b > a && /[\s*_:]/.test(text[b - 1])) b--;
  if (a > b) a = b;
  return [a, b];
}

function splitSegments(text: string, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let a = start;
  for (let k = 0; k < 6 && segments.length < 2 && a < end; k++) {
    const [s] = trimmed(text, a, end);
    const rest = text.slice(s, end);
    const sep = SEPARATOR.exec(rest);
    const stop = sep ? s + sep.index : end;
    const seg = trimmed(text, s, stop);
    if (seg[1] > seg[0]) segments.push(seg);
    if (!sep) break;
    a = stop + sep[0].length;
  }
  return segments;
}

/**
 * Where a list item, heading or table row names its subject: the text before the first separator
 * ("**HubSpot** – great for…", "HubSpot: …"), and the text right after it, for items labelled
 * first ("Best overall: HubSpot"). For a table row, its first cell that is not a rank number.
 */
export function headSegments(text: string, item: Item): Segment[] {
  if (item.kind === 'table') {
    const cell = item.cells.find(
      ([a, b]) => /\p{L}/u.test(text.slice(a, b)) && !RANK_CELL.test(text.slice(a, b).trim()),
    );
    return cell ? splitSegments(text, cell[0], cell[1]).slice(0, 1) : [];
  }
  return splitSegments(text, item.contentStart, item.lineEnd);
}

/**
 * The tracked brand an item is about: one whose mention opens its first head segment, or makes up
 * (nearly) all of the second one ("Best overall: HubSpot", not "Price: HubSpot is cheaper than…").
 */
export function headBrand(text: string, item: Item, mentions: MentionIndex): string | null {
  const segments = headSegments(text, item);
  for (let k = 0; k < segments.length; k++) {
    const [start, end] = segments[k];
    const hit = mentions.startingAt(start);
    if (!hit || hit.mention.span[1] > end) continue;
    const wordsAfter = text.slice(hit.mention.span[1], end).match(/\p{L}+/gu)?.length ?? 0;
    if (k === 0 || wordsAfter <= 2) return hit.brandId;
  }
  return null;
}
