import { stem } from './text/stem.ts';
import type { Token } from './text/tokenize.ts';

/** Token range [start, end) of a named document such as "Encryption Policy"; `end - 1` is the document word. */
export type NameSpan = [start: number, end: number];

const DOCUMENT_WORDS = new Set(
  [
    'policy',
    'policies',
    'standard',
    'standards',
    'procedure',
    'procedures',
    'plan',
    'plans',
    'program',
    'programme',
    'guideline',
    'guidelines',
    'manual',
    'charter',
    'playbook',
    'runbook',
  ].map(stem),
);

const CONNECTORS = new Set(['and', '&', 'of', 'for', 'the']);

/** Words that end a lower-case name ("the encryption policy", "we maintain an incident response plan"). */
const NAME_STOPS = new Set([
  'the',
  'a',
  'an',
  'our',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'your',
  'of',
  'to',
  'for',
  'in',
  'on',
  'with',
  'by',
  'and',
  'or',
  'is',
  'are',
  'be',
  'was',
  'were',
  'must',
  'shall',
  'will',
  'should',
  'may',
  'can',
  'we',
  'all',
  'each',
  'any',
  'per',
  'see',
  'as',
  'which',
  'who',
  'following',
  'has',
  'have',
  'written',
  'formal',
  'approved',
  'current',
  'documented',
  'maintain',
  'maintains',
  'maintained',
  'under',
  'from',
  'at',
  'test',
  'tested',
  'review',
  'reviewed',
  'update',
  'updated',
  'company',
  'organization',
  'organisation',
  'such',
  'every',
  'other',
  'new',
  'no',
  'not',
  'follow',
  'follows',
  'read',
  'acknowledge',
  'sign',
  'approve',
]);

export function isDocumentWord(token: Token): boolean {
  return DOCUMENT_WORDS.has(token.stem);
}

/** Spans of document names ("Acceptable Use Policy", "incident response plan") in a sentence. */
export function findNameSpans(tokens: readonly Token[]): NameSpan[] {
  const spans: NameSpan[] = [];
  tokens.forEach((token, i) => {
    if (!isDocumentWord(token) || i === 0) return;
    const start = token.capitalized ? titleCaseStart(tokens, i) : lowerCaseStart(tokens, i);
    if (start < i) spans.push([start, i + 1]);
  });
  return spans;
}

function titleCaseStart(tokens: readonly Token[], end: number): number {
  let start = end;
  for (let i = end - 1; i >= 0 && end - i <= 6; i--) {
    const token = tokens[i];
    if (token.capitalized && !NAME_STOPS.has(token.raw)) start = i;
    else if (!(CONNECTORS.has(token.raw) && tokens[i - 1]?.capitalized)) break;
  }
  return start;
}

function lowerCaseStart(tokens: readonly Token[], end: number): number {
  let start = end;
  for (let i = end - 1; i >= 0 && end - i <= 3; i--) {
    if (NAME_STOPS.has(tokens[i].raw) || /^\d+$/.test(tokens[i].raw)) break;
    start = i;
  }
  return start;
}
