import { stem } from './stem.ts';

export interface Token {
  /** Lower-cased word as written, apostrophes normalized ("don't"). */
  raw: string;
  stem: string;
  /** Offsets into the text that was tokenized. */
  start: number;
  end: number;
  capitalized: boolean;
}

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].toLowerCase().replace(/’/g, "'");
    const start = match.index;
    tokens.push({
      raw,
      stem: stem(raw),
      start,
      end: start + match[0].length,
      capitalized: /^[A-Z]/.test(match[0]),
    });
  }
  return tokens;
}
