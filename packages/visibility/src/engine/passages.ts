import type { MentionIndex } from './mention-index.ts';
import { clausesOf, type Span, sentencesOf } from './sentences.ts';
import type { SentimentPassage } from './sentiment.ts';
import type { Item, Structure } from './structure.ts';

/**
 * What the answer says about each brand. A sentence naming brands is cut into clauses and each
 * clause goes to the brands it names, or else to those of the clause before it ("Salesforce is
 * powerful, but expensive"). A sentence naming none goes to the brand its list item, table row or
 * heading section is about ("### HubSpot" … "Pricing starts high.").
 */
export function buildPassages(
  text: string,
  structure: Structure,
  mentions: MentionIndex,
  ownerOf: (item: Item) => string | null,
): Map<string, SentimentPassage[]> {
  const out = new Map<string, SentimentPassage[]>();
  const seen = new Set<string>();
  const add = (brandId: string, span: Span, sentence: Span) => {
    const key = `${brandId}:${span[0]}:${span[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = out.get(brandId) ?? [];
    const names = mentions.within(span).map((m) => m.mention.span);
    list.push({ span, text: text.slice(span[0], span[1]), sentence, names });
    out.set(brandId, list);
  };
  for (const { span: sentence, line } of sentencesOf(text, structure.lines)) {
    const named = mentions.within(sentence);
    if (named.length === 0) {
      for (let item = line.item; item; item = item.parent) {
        const owner = ownerOf(item);
        if (owner) {
          add(owner, sentence, sentence);
          break;
        }
      }
      continue;
    }
    const clauses = clausesOf(text, sentence);
    const brandsIn = clauses.map((c) => [...new Set(mentions.within(c).map((m) => m.brandId))]);
    // A clause naming no brand takes the brands of the nearest clause before it, else after it.
    const before: string[][] = [];
    for (let k = 0; k < clauses.length; k++)
      before[k] = brandsIn[k].length || k === 0 ? brandsIn[k] : before[k - 1];
    const after: string[][] = [];
    for (let k = clauses.length - 1; k >= 0; k--)
      after[k] = brandsIn[k].length || k === clauses.length - 1 ? brandsIn[k] : after[k + 1];
    clauses.forEach((clause, k) => {
      const brands = before[k].length ? before[k] : after[k];
      for (const b of brands) add(b, clause, sentence);
    });
  }
  return out;
}
