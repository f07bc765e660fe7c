import { MentionExtractor } from '../src/engine/mentions.ts';
import type { AnswerExtraction } from '../src/engine/types.ts';
import { BRAND_SETS } from './brands.ts';
import type { EvalCase } from './case.ts';
import { DEV_CASES } from './cases-dev.ts';
import { HOLDOUT_CASES } from './cases-holdout.ts';

export interface Scores {
  answers: number;
  /** Mention counts compared per answer and brand: tp = min(gold, found). */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Brands with a gold rank whose extracted rank is exactly that. */
  ranked: number;
  rankCorrect: number;
  rankAccuracy: number;
}

export interface CaseResult {
  id: string;
  split: 'dev' | 'holdout';
  errors: string[];
}

export interface EvaluationReport {
  dev: Scores;
  holdout: Scores;
  all: Scores;
  cases: CaseResult[];
}

function empty(): Scores {
  return {
    answers: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    ranked: 0,
    rankCorrect: 0,
    rankAccuracy: 0,
  };
}

function finish(s: Scores): Scores {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...s, precision, recall, f1, rankAccuracy: s.ranked ? s.rankCorrect / s.ranked : 1 };
}

function compare(c: EvalCase, extraction: AnswerExtraction, scores: Scores[]): string[] {
  const errors: string[] = [];
  for (const b of extraction.brands) {
    const gold = c.mentions[b.brand_id] ?? 0;
    const tp = Math.min(gold, b.count);
    const fp = Math.max(0, b.count - gold);
    const fn = Math.max(0, gold - b.count);
    for (const s of scores) {
      s.tp += tp;
      s.fp += fp;
      s.fn += fn;
    }
    if (fp || fn)
      errors.push(
        `${b.brand_id}: ${b.count} mentions [${b.mentions.map((m) => m.text).join(', ')}], gold ${gold}`,
      );
    const goldRank = c.ranks[b.brand_id];
    if (goldRank === undefined) continue;
    const correct = b.rank === goldRank;
    for (const s of scores) {
      s.ranked++;
      if (correct) s.rankCorrect++;
    }
    if (!correct) errors.push(`${b.brand_id}: rank ${b.rank} (${b.rank_method}), gold ${goldRank}`);
  }
  for (const s of scores) s.answers++;
  return errors;
}

/** Runs the extractor over the labelled answers and scores mentions and ranks. */
export function evaluate(): EvaluationReport {
  const dev = empty();
  const holdout = empty();
  const all = empty();
  const cases: CaseResult[] = [];
  const extractors = new Map(
    Object.entries(BRAND_SETS).map(([k, brands]) => [k, new MentionExtractor(brands)]),
  );
  const splits: ['dev' | 'holdout', EvalCase[], Scores][] = [
    ['dev', DEV_CASES, dev],
    ['holdout', HOLDOUT_CASES, holdout],
  ];
  for (const [split, list, scores] of splits) {
    for (const c of list) {
      const extractor = extractors.get(c.set);
      if (!extractor) throw new Error(`${c.id}: unknown brand set ${c.set}`);
      const extraction = extractor.extract({ text: c.text, annotations: c.annotations });
      cases.push({ id: c.id, split, errors: compare(c, extraction, [scores, all]) });
    }
  }
  return { dev: finish(dev), holdout: finish(holdout), all: finish(all), cases };
}
