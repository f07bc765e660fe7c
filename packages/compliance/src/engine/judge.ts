import type { Facet } from '../frameworks/types.ts';
import type { DocumentIndex } from './document-index.ts';
import type { Passage } from './passages.ts';
import { compilePhrase, findPhrases, type Phrase, type Span } from './text/terms.ts';
import { type Token, tokenize } from './text/tokenize.ts';

/** What a single sentence says about a facet; `excluded`: it puts the topic outside the document's scope. */
export type SentenceVerdict = 'covered' | 'weak' | 'negated' | 'excluded' | 'mentioned';

/**
 * What the whole document says about a facet. `conflict`: committed to in one place and denied in
 * another ("data is encrypted" ... "backups are not encrypted").
 */
export type FacetState = SentenceVerdict | 'conflict' | 'absent';

export interface FacetJudgement {
  facet: Facet;
  state: FacetState;
  /** Passages behind the state, best first: commitments, then hedges, then denials. */
  support: { passage: Passage; verdict: SentenceVerdict; score: number }[];
}

const compiled = new WeakMap<Facet, Phrase[][]>();

function compileFacet(facet: Facet): Phrase[][] {
  let groups = compiled.get(facet);
  if (!groups) {
    groups = facet.terms.map((group) => group.map(compilePhrase));
    compiled.set(facet, groups);
  }
  return groups;
}

export function judgeFacet(index: DocumentIndex, facet: Facet, candidates: number): FacetJudgement {
  const groups = compileFacet(facet);
  const hits = index.bm25.search(index.queryStems(groups.flat()), candidates);
  const support: FacetJudgement['support'] = [];
  for (const { id, score } of hits) {
    const passage = index.passages[id];
    const spans = matchGroups(groups, passage, index);
    if (spans) support.push({ passage, verdict: judgeSentence(facet, passage, spans, index), score });
  }
  const has = (v: SentenceVerdict) => support.some((s) => s.verdict === v);
  let state: FacetState = 'absent';
  if (has('covered')) state = has('negated') ? 'conflict' : 'covered';
  else if (has('weak')) state = 'weak';
  else if (has('negated')) state = 'negated';
  else if (has('excluded')) state = 'excluded';
  else if (has('mentioned')) state = 'mentioned';
  const rank: Record<SentenceVerdict, number> = {
    covered: 0,
    weak: 1,
    negated: 2,
    excluded: 3,
    mentioned: 4,
  };
  support.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.score - a.score);
  return { facet, state, support };
}

/**
 * Spans of each term group in the passage, or undefined if a group is missing. A group may instead be
 * found in the sentence a list item completes ("You have the right to:" / "- access your data"), or in
 * the section heading when the sentence refers back to it ("The plan is tested every year"); such a
 * group gets no spans.
 */
function matchGroups(groups: Phrase[][], passage: Passage, index: DocumentIndex): Span[][] | undefined {
  const spans = groups.map((group) => findPhrases(group, passage.tokens));
  if (spans.every((s) => s.length > 0)) return spans;
  if (spans.every((s) => s.length === 0)) return undefined;
  const context = contextTokens(passage, index);
  if (!context) return undefined;
  const complete = groups.every((group, i) => spans[i].length > 0 || findPhrases(group, context).length > 0);
  return complete ? spans : undefined;
}

const REFERRING = new Set(['the', 'this', 'that', 'these', 'those']);
const headingTokens = new WeakMap<Passage, Token[]>();

function contextTokens(passage: Passage, index: DocumentIndex): Token[] | undefined {
  if (passage.leadIn !== undefined && !passage.nameLike) return index.passages[passage.leadIn].tokens;
  const heading = passage.location.headingPath?.at(-1);
  if (!heading || passage.heading) return undefined;
  const refersBack = passage.tokens.some(
    (t, i) =>
      i > 0 &&
      REFERRING.has(passage.tokens[i - 1].raw) &&
      /^(plan|policy|procedure|program|programme|process)s?$/.test(t.raw),
  );
  if (!refersBack) return undefined;
  let tokens = headingTokens.get(passage);
  if (!tokens) {
    tokens = tokenize(heading);
    headingTokens.set(passage, tokens);
  }
  return tokens;
}

function judgeSentence(
  facet: Facet,
  passage: Passage,
  spans: Span[][],
  index: DocumentIndex,
): SentenceVerdict {
  if (passage.heading || onlyNamesTopic(passage, spans)) return 'mentioned';
  const lead = passage.leadIn !== undefined && !passage.nameLike ? index.passages[passage.leadIn] : undefined;
  const inherits = passage.strength === 'none' && lead !== undefined;
  if (onlyReadableWith(passage.negation.outOfScope, spans, passage.negation.clause, true)) return 'excluded';
  // Inverted terms name the forbidden thing ("shared accounts"): the sentence must deny or forbid it.
  const inverted = spans.map((group) => group.filter((s) => s[2]));
  if (inverted.some((g) => g.length > 0) && !isNegated(passage, inverted) && !forbids(passage, inverted))
    return 'negated';
  const positive = spans.map((group) => group.filter((s) => !s[2]));
  const negated = isNegated(passage, positive) || (inherits && lead.negation.cues.length > 0);
  if (negated && !facet.prohibition) return 'negated';
  const strength = inherits ? lead.strength : passage.strength;
  if (strength === 'strong') return inHedgedClause(passage, spans) ? 'weak' : 'covered';
  return strength === 'weak' ? 'weak' : 'mentioned';
}

function forbids(passage: Passage, spans: Span[][]): boolean {
  const { forbidding, clause } = passage.negation;
  return spans.flat().some(([start]) => forbidding.has(clause[start]));
}

function inHedgedClause(passage: Passage, spans: Span[][]): boolean {
  return onlyReadableWith(passage.hedged, spans, passage.negation.clause, false);
}

/**
 * True when some term group is matched only inside the name of a document ("Encryption Policy"), so
 * the sentence is about the document, not the practice. A facet that is itself about the document
 * ("incident response plan") may match inside the name, except in an enumeration of several names.
 */
function onlyNamesTopic(passage: Passage, spans: Span[][]): boolean {
  if (passage.names.length === 0) return false;
  const enumeration = passage.names.length >= 2;
  const covers = (span: Span, index: number) => span[0] <= index && index < span[1];
  const allSpans = spans.flat();
  const excused = (name: [number, number]) => !enumeration && allSpans.some((s) => covers(s, name[1] - 1));
  const insideName = (span: Span) =>
    passage.names.some((name) => span[0] >= name[0] && span[1] <= name[1] && !excused(name));
  return spans.some((group) => group.length > 0 && group.every(insideName));
}

/**
 * A facet is negated when a negation cue sits in a clause that states the whole facet ("backups are not
 * encrypted"), or when the facet can only be read by including a negated clause ("we encrypt data, but
 * not backups"). A cue is excused when a matched term follows a restriction word after it ("no access
 * is granted without approval").
 */
export function isNegated(passage: Passage, spans: Span[][]): boolean {
  const { cues, restrictions, clause } = passage.negation;
  const matched: number[] = [];
  for (const [s, e] of spans.flat()) for (let i = s; i < e; i++) matched.push(i);
  const restrictionAfter = (cue: number) =>
    restrictions.find(
      (r) => r > cue && clause[r] === clause[cue] && matched.some((t) => t > r && clause[t] === clause[cue]),
    );
  // "No laptop is issued without encryption": the restriction excuses the cue, and is no cue itself.
  const excused = new Set<number>();
  for (const cue of cues) {
    const r = restrictionAfter(cue);
    if (r !== undefined) excused.add(cue).add(r);
  }
  const negatedClauses = new Set(
    cues.filter((c) => !matched.includes(c) && !excused.has(c)).map((c) => clause[c]),
  );
  return onlyReadableWith(negatedClauses, spans, clause, true);
}

/**
 * Whether the facet cannot be read without the given clauses or, when `whole` is set, is also stated
 * wholly inside one of them (a full denial outweighs a restatement elsewhere in the sentence).
 */
function onlyReadableWith(
  clauses: ReadonlySet<number>,
  spans: Span[][],
  clause: readonly number[],
  whole: boolean,
): boolean {
  if (clauses.size === 0) return false;
  const present = spans.filter((group) => group.length > 0);
  if (whole)
    for (const k of clauses) if (present.every((group) => group.some(([s]) => clause[s] === k))) return true;
  return !present.every((group) => group.some(([s]) => !clauses.has(clause[s])));
}
