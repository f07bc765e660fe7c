import { stem } from './stem.ts';
import type { Token } from './tokenize.ts';

/** One word of a term phrase: compared by stem, by raw prefix (`encrypt*`) or by exact raw word (`=logs`). */
export interface WordMatcher {
  kind: 'stem' | 'prefix' | 'exact';
  value: string;
}

export interface Phrase {
  words: WordMatcher[];
  /** Names the forbidden thing (`!shared account*`): denying it is the commitment, asserting it a gap. */
  inverted: boolean;
}

/** Token positions [start, end) of one phrase occurrence in a token list, and whether the phrase is inverted. */
export type Span = [start: number, end: number, inverted?: boolean];

const WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/** Parses a phrase in the facet term syntax ("third part*", "=logs", "multi-factor", "!shared account*"). */
export function compilePhrase(phrase: string): Phrase {
  const words: WordMatcher[] = [];
  const inverted = phrase.startsWith('!');
  for (const part of phrase.replace(/^!/, '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const exact = part.startsWith('=');
    const prefix = part.endsWith('*');
    const pieces = part.replace(/^=|\*$/g, '').match(WORD) ?? [];
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1;
      if (prefix && last) words.push({ kind: 'prefix', value: piece });
      else if (exact) words.push({ kind: 'exact', value: piece });
      else words.push({ kind: 'stem', value: stem(piece) });
    });
  }
  if (words.length === 0) throw new Error(`term "${phrase}" has no words`);
  return { words, inverted };
}

export function wordMatches(matcher: WordMatcher, token: Token): boolean {
  if (matcher.kind === 'stem') return token.stem === matcher.value;
  if (matcher.kind === 'prefix') return token.raw.startsWith(matcher.value);
  return token.raw === matcher.value;
}

/** Every occurrence of any of the phrases in the tokens. */
export function findPhrases(phrases: readonly Phrase[], tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  for (const { words, inverted } of phrases) {
    for (let i = 0; i + words.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < words.length && ok; j++) ok = wordMatches(words[j], tokens[i + j]);
      if (ok) spans.push(inverted ? [i, i + words.length, true] : [i, i + words.length]);
    }
  }
  return spans;
}
