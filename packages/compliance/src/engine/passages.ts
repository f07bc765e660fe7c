import type { ExtractedDocument, SourceLocation, TextBlock } from '../document.ts';
import { commitmentStrength, hedgedClauses, type Strength } from './commitment.ts';
import { findNameSpans, isDocumentWord, type NameSpan } from './names.ts';
import { analyzeNegation, type NegationInfo } from './negation.ts';
import { splitSentences } from './text/sentences.ts';
import { type Token, tokenize } from './text/tokenize.ts';
import { POLICY_VERBS } from './vocabulary.ts';

/** A sentence of the document with everything the judge needs to know about it. */
export interface Passage {
  id: number;
  /** Exactly `doc.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  block: number;
  kind: TextBlock['kind'];
  location: SourceLocation;
  tokens: Token[];
  /** A heading, a table-of-contents line or a title-like line: never a commitment. */
  heading: boolean;
  /** A list item or cell that only names a topic ("Encryption Policy", "Access control"). */
  nameLike: boolean;
  /** Strong if anything in the sentence binds; a hedged clause lowers only the terms inside it. */
  strength: Strength;
  hedged: Set<number>;
  negation: NegationInfo;
  names: NameSpan[];
  /** The "Staff must:" sentence a list item completes, whose commitment the item inherits. */
  leadIn?: number;
}

export function buildPassages(doc: ExtractedDocument): Passage[] {
  const passages: Passage[] = [];
  let leadIn: number | undefined;
  doc.blocks.forEach((block, blockIndex) => {
    const start = locateBlock(doc, block);
    if (start < 0) return;
    const heading = block.kind === 'heading' || looksLikeHeading(block.text);
    for (const [s, e] of splitSentences(block.text)) {
      const text = block.text.slice(s, e);
      const tokens = tokenize(text);
      if (tokens.length === 0) continue;
      const listy = block.kind === 'list-item' || block.kind === 'table-cell';
      const negation = analyzeNegation(tokens, text);
      passages.push({
        id: passages.length,
        text,
        start: start + s,
        end: start + e,
        block: blockIndex,
        kind: block.kind,
        location: block.location,
        tokens,
        heading,
        nameLike: listy && isNameLike(tokens),
        strength: heading ? 'none' : commitmentStrength(tokens, text),
        hedged: hedgedClauses(tokens, negation.clause),
        negation,
        names: findNameSpans(tokens),
        leadIn: block.kind === 'list-item' ? leadIn : undefined,
      });
    }
    if (block.kind === 'list-item') return;
    const endsWithColon = block.text.trimEnd().endsWith(':');
    leadIn =
      !heading && block.kind === 'paragraph' && endsWithColon && passages.length
        ? passages.length - 1
        : undefined;
  });
  return passages;
}

/** Start of the block in `doc.text`; -1 when its text cannot be found (it could then not be quoted). */
function locateBlock(doc: ExtractedDocument, block: TextBlock): number {
  if (doc.text.slice(block.start, block.end) === block.text) return block.start;
  const near = doc.text.indexOf(block.text, Math.max(0, block.start - 200));
  return near >= 0 ? near : doc.text.indexOf(block.text);
}

function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim();
  if (/\.{4,}|…{2,}|(\.\s){3,}/.test(trimmed)) return true;
  if (/[.!?:;,]$/.test(trimmed)) return false;
  const words = trimmed.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length === 0 || words.length > 10) return false;
  return words.filter((w) => w.length > 3).every((w) => /^[A-Z]/.test(w));
}

function isNameLike(tokens: Token[]): boolean {
  if (POLICY_VERBS.has(tokens[0].raw)) return false;
  if (tokens.length <= 2 || isDocumentWord(tokens.at(-1)!)) return true;
  return tokens.filter((t) => t.raw.length > 3 && /[a-z]/.test(t.raw)).every((t) => t.capitalized);
}
