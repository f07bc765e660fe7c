import { INTENSIFIERS, LEXICON, MAX_PHRASE_WORDS, NEGATION_WINDOW, NEGATORS } from './lexicon.ts';
import type { Span } from './sentences.ts';
import type { BrandSentiment, SentimentLabel } from './types.ts';

/** Text the answer says about one brand (a clause, a list item's sentence, a table cell). */
export interface SentimentPassage {
  span: Span;
  text: string;
  /** The whole sentence around the passage, for scorers that want more context. */
  sentence: Span;
  /** Spans of brand names inside the passage: names are not opinions ("Square", "Wise"). */
  names: Span[];
}

export interface SentimentRequest {
  brand_id: string;
  brand_name: string;
  passages: SentimentPassage[];
}

/**
 * Scores what an answer says about each brand. The lexicon baseline below works offline; an LLM
 * scorer can implement the same interface and report its own `method`.
 */
export interface SentimentScorer {
  readonly method: string;
  score(answer: string, requests: SentimentRequest[]): BrandSentiment[] | Promise<BrandSentiment[]>;
}

const NEGATED_FACTOR = -0.75;
const MAX_EVIDENCE = 5;

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokensOf(passage: SentimentPassage, answer: string): Token[] {
  const text = answer.slice(passage.span[0], passage.span[1]);
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const start = passage.span[0] + m.index;
    const end = start + m[0].length;
    if (passage.names.some(([a, b]) => a < end && start < b)) continue;
    out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start, end });
  }
  return out;
}

/** Lexicon score of one passage, with negation ("not reliable") and intensifiers ("very slow"). */
export function scorePassage(
  answer: string,
  passage: SentimentPassage,
): { score: number; pos: number; neg: number } {
  const tokens = tokensOf(passage, answer);
  let score = 0;
  let pos = 0;
  let neg = 0;
  let negatedUntil = -1;
  let intensity = 1;
  let intensityUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    let weight: number | undefined;
    let width = 1;
    for (let n = MAX_PHRASE_WORDS; n >= 1 && weight === undefined; n--) {
      if (i + n > tokens.length) continue;
      weight = LEXICON.get(
        tokens
          .slice(i, i + n)
          .map((t) => t.word)
          .join(' '),
      );
      if (weight !== undefined) width = n;
    }
    const word = tokens[i].word;
    if (NEGATORS.has(word) && tokens[i + 1]?.word !== 'only') {
      const window = tokens.slice(i + 1, i + 1 + NEGATION_WINDOW).map((t) => t.word);
      const followed = window.some((w, k) => LEXICON.has(w) || LEXICON.has(`${w} ${window[k + 1]}`));
      if (followed || weight === undefined) {
        negatedUntil = i + NEGATION_WINDOW;
        continue;
      }
    }
    if (INTENSIFIERS.has(word)) {
      intensity = INTENSIFIERS.get(word)!;
      intensityUntil = i + 2;
      continue;
    }
    if (!weight) continue;
    let value = weight * (i <= intensityUntil ? intensity : 1);
    if (i <= negatedUntil) value *= NEGATED_FACTOR;
    score += value;
    if (value > 0) pos++;
    else neg++;
    i += width - 1;
  }
  return { score, pos, neg };
}

function label(score: number, pos: number, neg: number): SentimentLabel {
  if (pos > 0 && neg > 0 && Math.abs(score) < 0.2) return 'mixed';
  if (score >= 0.15) return 'positive';
  if (score <= -0.15) return 'negative';
  return 'neutral';
}

/** Sums passage scores into -1..1: `sum / (sum of absolute values + 2)`, so one mild word stays mild. */
export function baselineSentiment(answer: string, passages: SentimentPassage[]): BrandSentiment {
  let sum = 0;
  let abs = 0;
  let pos = 0;
  let neg = 0;
  const evidence: BrandSentiment['evidence'] = [];
  for (const p of passages) {
    const s = scorePassage(answer, p);
    sum += s.score;
    abs += Math.abs(s.score);
    pos += s.pos;
    neg += s.neg;
    if (s.score !== 0 && evidence.length < MAX_EVIDENCE)
      evidence.push({ span: p.span, text: answer.slice(p.span[0], p.span[1]), score: round(s.score) });
  }
  const score = round(sum / (abs + 2));
  return {
    score,
    label: label(score, pos, neg),
    method: 'baseline',
    positive_hits: pos,
    negative_hits: neg,
    evidence,
  };
}

export const baselineScorer: SentimentScorer = {
  method: 'baseline',
  score: (answer, requests) => requests.map((r) => baselineSentiment(answer, r.passages)),
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
