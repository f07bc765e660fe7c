import type { Token } from './text/tokenize.ts';

export interface NegationInfo {
  /** Token indices of negation cues ("not", "never", "no", "doesn't", "without"); prohibitions excluded. */
  cues: number[];
  /** Token indices of words that turn a negation into a condition ("not granted without approval"). */
  restrictions: number[];
  /** Clause number of each token; negation only reaches terms in its own clause. */
  clause: number[];
  /** Clauses that put something outside the document's scope ("... are outside the scope of this standard"). */
  outOfScope: Set<number>;
  /** Clauses that forbid something ("must not", "is prohibited", "are not permitted"). */
  forbidding: Set<number>;
}

const CUES = new Set([
  'not',
  'no',
  'never',
  'none',
  'nor',
  'neither',
  'cannot',
  'without',
  'lack',
  'lacks',
  'lacking',
  'unable',
  'nobody',
  'nothing',
  'nowhere',
  'noone',
]);
const FORBIDDING = new Set([
  'prohibited',
  'forbidden',
  'banned',
  'disallowed',
  'barred',
  'prohibit',
  'prohibits',
  'forbid',
  'forbids',
]);
const RESTRICTIONS = new Set(['until', 'unless', 'without', 'before', 'except', 'prior', 'other']);
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'because']);
/** After a comma these start a new clause ("..., and production data is never copied", "..., who can be reached"). */
const COORDINATORS = new Set(['and', 'but', 'so', 'yet', 'who', 'which', 'whose']);
/** "must not share" and "is not permitted" forbid something: a commitment, not a denial of practice. */
const PROHIBITING_MODALS = new Set(['must', 'shall', 'may', 'will', 'should']);
const PERMISSION_WORDS = new Set(['permitted', 'allowed', 'authorized', 'authorised', 'tolerated']);

/** Phrases that contain a negation word but state a limit or a deadline, not an absence. */
const NOT_NEGATIONS = [
  'not limited to',
  'not only',
  'whether or not',
  'no later than',
  'not later than',
  'no more than',
  'not more than',
  'no less than',
  'not less than',
  'no longer',
  'no fewer than',
  'not exceed',
  'not to exceed',
  'without undue delay',
  'without unreasonable delay',
  'without delay',
  'without exception',
  'no exception',
  'no exceptions',
  'if not',
  'no matter',
].map((p) => p.split(' '));

const OUT_OF_SCOPE = [
  'out of scope',
  'outside the scope',
  'outside of the scope',
  'not in scope',
  'excluded from',
  'not applicable',
  'does not apply',
  'do not apply',
].map((p) => p.split(' '));

export function analyzeNegation(tokens: readonly Token[], text: string): NegationInfo {
  const ignored = new Set<number>();
  const scopeWords = new Set<number>();
  for (const [phrases, into] of [
    [NOT_NEGATIONS, ignored],
    [OUT_OF_SCOPE, scopeWords],
  ] as const) {
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((word, j) => tokens[i + j].raw === word))
          for (let j = 0; j < phrase.length; j++) into.add(i + j);
      }
    }
  }
  const cues: number[] = [];
  const restrictions: number[] = [];
  const clause: number[] = [];
  const forbidding = new Set<number>();
  let current = 0;
  tokens.forEach((token, i) => {
    const gap = i === 0 ? '' : text.slice(tokens[i - 1].end, token.start);
    const startsClause =
      /[;:()\u2014]/.test(gap) ||
      / [-\u2013] /.test(gap) ||
      CLAUSE_WORDS.has(token.raw) ||
      (gap.includes(',') && COORDINATORS.has(token.raw)) ||
      (token.raw === 'so' && tokens[i + 1]?.raw === 'that');
    if (i > 0 && startsClause) current++;
    clause.push(current);
    if (ignored.has(i) || scopeWords.has(i)) return;
    if (FORBIDDING.has(token.raw)) forbidding.add(current);
    if (token.raw === 'no' && tokens[i + 1]?.raw === 'one') {
      cues.push(i);
      return;
    }
    if (!(CUES.has(token.raw) || token.raw.endsWith("n't"))) return;
    if (isProhibition(tokens, i)) forbidding.add(current);
    else cues.push(i);
    if (RESTRICTIONS.has(token.raw) && (token.raw !== 'other' || tokens[i + 1]?.raw === 'than'))
      restrictions.push(i);
  });
  return {
    cues,
    restrictions,
    clause,
    outOfScope: new Set([...scopeWords].map((i) => clause[i])),
    forbidding,
  };
}

function isProhibition(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].raw;
  if (word === 'not' || word === 'never') {
    if (PROHIBITING_MODALS.has(tokens[i - 1]?.raw ?? '')) return true;
    if (PERMISSION_WORDS.has(tokens[i + 1]?.raw ?? '')) return true;
  }
  return word === "mustn't" || word === "shan't";
}
