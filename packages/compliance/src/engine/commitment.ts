import type { Token } from './text/tokenize.ts';
import {
  BE_FORMS,
  IRREGULAR_PARTICIPLES,
  META_SUBJECTS,
  META_VERBS,
  NOUN_AFTER,
  NOUN_BEFORE,
  POLICY_VERBS,
  PURPOSE_OPENINGS,
  REFERRAL_PHRASES,
  RIGHT_HOLDERS,
  STATE_PREDICATES,
  STRONG_MODALS,
  STRONG_WORDS,
  SUBJECT_BEFORE_VERB,
  WEAK_PHRASES,
  WEAK_WORDS,
} from './vocabulary.ts';

/** How firmly a sentence commits the organization: "must"/"we encrypt" vs "should"/"where possible" vs neither. */
export type Strength = 'strong' | 'weak' | 'none';

const THIRD_PERSON = new Set<string>();
for (const verb of POLICY_VERBS) {
  THIRD_PERSON.add(verb.endsWith('y') && !/[aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);
  if (/(s|sh|ch|x|z)$/.test(verb)) THIRD_PERSON.add(`${verb}es`);
}

export function commitmentStrength(tokens: readonly Token[], text: string): Strength {
  if (tokens.length === 0 || text.trimEnd().endsWith('?')) return 'none';
  const raw = tokens.map((t) => t.raw);
  if (isMetaDescription(raw)) return 'none';
  if (startsWithAny(raw, PURPOSE_OPENINGS) || containsAny(raw, REFERRAL_PHRASES))
    return hasStrongMarker(raw) ? 'weak' : 'none';
  if (hasStrongMarker(raw)) return 'strong';
  return isHedged(raw) ? 'weak' : 'none';
}

/** Clause numbers whose words are hedged, so a hedge in one clause does not weaken the others. */
export function hedgedClauses(tokens: readonly Token[], clause: readonly number[]): Set<number> {
  const byClause = new Map<number, string[]>();
  tokens.forEach((t, i) => {
    byClause.set(clause[i], [...(byClause.get(clause[i]) ?? []), t.raw]);
  });
  return new Set([...byClause].filter(([, words]) => isHedged(words)).map(([k]) => k));
}

/** Whether the words contain a hedge ("should", "where possible", "we aim to"). */
export function isHedged(raw: readonly string[]): boolean {
  if (containsAny(raw, WEAK_PHRASES)) return true;
  return raw.some((word, i) => {
    if (word === 'should' && OUTSIDE_PARTIES.has(raw[i - 1] ?? '')) return false;
    if (word === 'most' && raw[i - 1] === 'at') return false;
    if (WEAK_WORDS.has(word)) return true;
    if (word !== 'may' && word !== 'can') return false;
    const next = raw[i + 1];
    if (next === 'only' || next === 'not' || next === 'result' || next === 'lead') return false;
    // "can be reached at", "can be contacted by": how to get in touch, not an optional practice.
    if (next === 'be' && (raw[i + 2] === 'reached' || raw[i + 2] === 'contacted')) return false;
    if (RIGHT_HOLDERS.has(raw[i - 1] ?? '')) return false;
    // "only the owner can enter" restricts; "if it may have been compromised" is a condition.
    if (raw.slice(0, i).includes('only')) return false;
    return !raw.slice(Math.max(0, i - 6), i).some((w) => CONDITIONS.has(w));
  });
}

const CONDITIONS = new Set(['if', 'when', 'whenever', 'where', 'whether', 'unless']);
/** "the steps individuals should take" advises people outside the organization; it hedges nothing. */
const OUTSIDE_PARTIES = new Set([
  'you',
  'individuals',
  'individual',
  'patients',
  'patient',
  'customers',
  'customer',
  'subjects',
  'consumers',
  'residents',
  'requesters',
]);

/** "This policy describes ..." talks about the document, not about what the organization does. */
function isMetaDescription(raw: string[]): boolean {
  if (raw[0] !== 'this' && raw[0] !== 'the') return false;
  return META_SUBJECTS.has(raw[1]) && META_VERBS.has(raw[2]);
}

function hasStrongMarker(raw: string[]): boolean {
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i];
    const prev = raw[i - 1] ?? '';
    const next = raw[i + 1] ?? '';
    if (STRONG_MODALS.has(word) || STRONG_WORDS.has(word)) return true;
    if ((word === 'need' || word === 'needs' || word === 'has' || word === 'have') && next === 'to')
      return true;
    if ((word === 'is' || word === 'are') && next === 'to') return true;
    if ((word === 'may' || word === 'can') && (next === 'only' || next === 'not' || RIGHT_HOLDERS.has(prev)))
      return true;
    if (word === 'may' && (next === 'result' || next === 'lead')) return true;
    if ((word === 'do' || word === 'does') && (next === 'not' || next === 'never')) return true;
    if (word === "don't" || word === "doesn't") return true;
    if ((word === 'has' || word === 'have') && i > 0 && !NOUN_AFTER.has(next)) return true;
    if (BE_FORMS.has(word) && isPassive(raw, i + 1)) return true;
    if (word === 'in' && next === 'place' && BE_FORMS.has(prev)) return true;
    if (POLICY_VERBS.has(word) && SUBJECT_BEFORE_VERB.has(prev)) return true;
    // "workstations lock after ten minutes": a plural subject with a bare verb.
    if (
      POLICY_VERBS.has(word) &&
      i > 0 &&
      prev.length > 3 &&
      prev.endsWith('s') &&
      !prev.endsWith('ss') &&
      !NOUN_AFTER.has(prev)
    )
      return true;
    if (THIRD_PERSON.has(word) && i > 0 && !NOUN_BEFORE.has(prev) && !NOUN_AFTER.has(next)) return true;
  }
  return false;
}

/** "is encrypted", "are always reviewed", "is not kept", "is mandatory". */
function isPassive(raw: string[], from: number): boolean {
  for (let i = from; i < Math.min(raw.length, from + 3); i++) {
    const word = raw[i];
    if (/ed$/.test(word) && word.length > 4) return true;
    if (IRREGULAR_PARTICIPLES.has(word) || STATE_PREDICATES.has(word)) return true;
    if (
      !(
        /ly$/.test(word) ||
        word === 'not' ||
        word === 'also' ||
        word === 'always' ||
        word === 'only' ||
        word === 'never'
      )
    )
      return false;
  }
  return false;
}

function startsWithAny(raw: readonly string[], phrases: string[][]): boolean {
  return phrases.some((p) => p.every((w, j) => raw[j] === w));
}

function containsAny(raw: readonly string[], phrases: string[][]): boolean {
  for (let i = 0; i < raw.length; i++)
    if (phrases.some((p) => p.every((w, j) => raw[i + j] === w))) return true;
  return false;
}
