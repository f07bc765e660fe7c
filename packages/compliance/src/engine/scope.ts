import { SCOPES } from '../frameworks/scopes.ts';
import type { Control, ScopeKey } from '../frameworks/types.ts';
import type { DocumentIndex } from './document-index.ts';
import { isNegated } from './judge.ts';
import type { Passage } from './passages.ts';
import { compilePhrase, findPhrases, type Span } from './text/terms.ts';
import type { AssessOptions } from './types.ts';

export interface ScopeEvidence {
  /** A sentence ruling the scope out ("we do not process health information"). */
  exclusion?: Passage;
  /** Whether the document speaks of the scope as something the organization does. */
  mentioned: boolean;
}

export type Applicability =
  | { applicable: true }
  | { applicable: false; reason: string; evidence?: Passage; confidence: number };

const EXCLUSION_VERBS = new Set(
  `process processes processing processed collect collects collected store stores stored handle handles handled receive
  receives received transmit transmits create creates maintain maintains hold holds access accesses use uses used direct
  directed intend intended target targeted offer offered design designed aimed transfer transfers transferred send sends
  obtain obtains keep keeps host hosts is are am act acts operate operates`.split(/\s+/),
);

const OUT_OF_SCOPE = [
  'out of scope',
  'not in scope',
  'outside the scope',
  'not applicable',
  'does not apply',
  'do not apply',
  'excluded from',
  'is excluded',
  'are excluded',
].map((p) => p.split(' '));

/** Words that may surround an exclusion without narrowing it ("we do not process any health information"). */
const NEUTRAL = new Set(
  `we our us the a an any do does did not never no and or nor is are be will shall knowingly intentionally currently
  its their company organization organisation services service platform product products system systems application
  applications app website site of as part in scope this policy document for to by within under age years old 13 16 18
  data information personal individuals users customers patients residents eu such kind type types form it which all
  on behalf clients client capacity role entity neither either nature therefore consequently intended at`.split(
    /\s+/,
  ),
);

export function detectScopes(index: DocumentIndex): Record<ScopeKey, ScopeEvidence> {
  const result = {} as Record<ScopeKey, ScopeEvidence>;
  for (const scope of Object.values(SCOPES)) {
    const phrases = scope.terms.map(compilePhrase);
    let exclusion: Passage | undefined;
    let mentioned = false;
    for (const { id } of index.bm25.search(index.queryStems(phrases), 200)) {
      const passage = index.passages[id];
      const spans = findPhrases(phrases, passage.tokens);
      if (spans.length === 0 || passage.heading) continue;
      if (isExclusion(passage, spans)) exclusion ??= passage;
      else if (!isNegated(passage, [spans]) && passage.strength !== 'none') mentioned = true;
    }
    result[scope.key] = { exclusion, mentioned };
  }
  return result;
}

function isExclusion(passage: Passage, spans: Span[]): boolean {
  if (passage.strength === 'weak') return false;
  const { clause, cues } = passage.negation;
  const tokens = passage.tokens;
  return spans.some(([start, end]) => {
    const k = clause[start];
    const inClause = (i: number) => clause[i] === k;
    const explained = new Set<number>();
    for (let i = start; i < end; i++) explained.add(i);
    const outOfScope = findOutOfScope(passage, k, explained);
    const cue = cues.find((c) => inClause(c) && !explained.has(c));
    const verb = tokens.findIndex((t, i) => inClause(i) && EXCLUSION_VERBS.has(t.raw));
    if (!outOfScope && (cue === undefined || verb < 0)) return false;
    return tokens.every(
      (t, i) =>
        !inClause(i) || explained.has(i) || NEUTRAL.has(t.raw) || EXCLUSION_VERBS.has(t.raw) || t.capitalized,
    );
  });
}

function findOutOfScope(passage: Passage, clauseNo: number, explained: Set<number>): boolean {
  const raw = passage.tokens.map((t) => t.raw);
  let found = false;
  for (let i = 0; i < raw.length; i++) {
    for (const phrase of OUT_OF_SCOPE) {
      if (passage.negation.clause[i] !== clauseNo || !phrase.every((w, j) => raw[i + j] === w)) continue;
      for (let j = 0; j < phrase.length; j++) explained.add(i + j);
      found = true;
    }
  }
  return found;
}

const OUT_OF_SCOPE_TEXT =
  /not applicable|out of scope|excluded|does not apply|do not apply|not in scope|outside the scope|\bn\/a\b/i;
const outOfScopePassages = new WeakMap<DocumentIndex, Passage[]>();

/** A sentence that names the control and declares it out of scope ("CC9.2 is not applicable"). */
export function controlExclusion(index: DocumentIndex, controlId: string): Passage | undefined {
  let candidates = outOfScopePassages.get(index);
  if (!candidates) {
    candidates = index.passages.filter((p) => OUT_OF_SCOPE_TEXT.test(p.text));
    outOfScopePassages.set(index, candidates);
  }
  const escaped = controlId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^\\w.])${escaped}(?![\\d(])`, 'i');
  return candidates.find((p) => pattern.test(p.text));
}

export function decideApplicability(
  control: Control,
  scopes: Record<ScopeKey, ScopeEvidence>,
  index: DocumentIndex,
  options: AssessOptions,
): Applicability {
  const excludedControl = controlExclusion(index, control.id);
  if (excludedControl)
    return {
      applicable: false,
      reason: `The document declares ${control.id} out of scope.`,
      evidence: excludedControl,
      confidence: 0.8,
    };
  const key = control.appliesWhen;
  if (!key) return { applicable: true };
  const scope = SCOPES[key];
  const declared = options.scopes?.[key];
  if (declared === true) return { applicable: true };
  if (declared === false)
    return {
      applicable: false,
      reason: `The organization declared that it does not ${scope.label}.`,
      confidence: 0.95,
    };
  const found = scopes[key];
  if (found.exclusion && !found.mentioned)
    return {
      applicable: false,
      reason: `The document states that the organization does not ${scope.label}.`,
      evidence: found.exclusion,
      confidence: 0.8,
    };
  if (!scope.assumeApplies && !found.mentioned)
    return {
      applicable: false,
      reason: `Applies only to organizations that ${scope.label}; the document does not indicate that this one does.`,
      confidence: 0.6,
    };
  return { applicable: true };
}
