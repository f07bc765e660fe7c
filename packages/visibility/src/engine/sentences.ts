import type { Line } from './structure.ts';

export type Span = [number, number];

const SENTENCE_END = /[.!?]+["”')\]*_]*\s+(?=["“(*_[\p{Lu}\d])/gu;
const CLAUSE_BREAK =
  /[,;]\s+|\s+[–—]\s+|\s+-\s+|\s+(?=(?:while|whereas|but|although|though|however|unlike|compared to|versus|vs\.?)\s)/giu;

function trim(text: string, [a, b]: Span): Span {
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return [a, b];
}

/** Splits at each match; `keepPunctuation` leaves the matched punctuation with the piece before. */
function splitAt(text: string, span: Span, pattern: RegExp, keepPunctuation: boolean): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span[0], span[1]);
  let from = 0;
  for (const m of slice.matchAll(pattern)) {
    const kept = keepPunctuation ? m[0].trimEnd().length : 0;
    out.push(trim(text, [span[0] + from, span[0] + m.index + kept]));
    from = m.index + m[0].length;
  }
  out.push(trim(text, [span[0] + from, span[1]]));
  return out.filter(([a, b]) => b > a);
}

/** Sentences, one line at a time (lines end sentences in lists); table rows split by cell. */
export function sentencesOf(text: string, lines: Line[]): { span: Span; line: Line }[] {
  const out: { span: Span; line: Line }[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    if (line.kind === 'table') {
      const cells = line.item?.start === line.start ? line.item.cells : [];
      for (const cell of cells) out.push({ span: cell, line });
      continue;
    }
    for (const span of splitAt(text, [line.start, line.end], SENTENCE_END, true)) out.push({ span, line });
  }
  return out;
}

/** Clauses of a sentence: split at commas, semicolons, dashes and contrast words ("while", "unlike"). */
export function clausesOf(text: string, sentence: Span): Span[] {
  return splitAt(text, sentence, CLAUSE_BREAK, false);
}
