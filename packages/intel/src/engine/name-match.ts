import type { AttackCatalog, AttackObject } from '../attack/types.ts';
import { buildNamePatterns, type MentionKind, type NamePattern } from './name-patterns.ts';

const ENTITY_QUALIFIERS = new Set(
  'group team apt actor actors gang crew operators operator malware ransomware backdoor trojan rat loader stealer implant botnet wiper worm tool toolkit framework variant variants family campaign spyware dropper downloader keylogger rootkit miner payload sample samples'.split(
    ' ',
  ),
);
const TACTIC_QUALIFIERS = new Set(['tactic', 'tactics', 'phase', 'stage']);
/** ASCII letter or digit: the characters of a name token. */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const GAP = /^[ \t\-./:&'’]{1,3}$|^\r?\n$/;
const patternCache = new WeakMap<AttackCatalog, Map<string, NamePattern[]>>();

function caseMatches(p: NamePattern, words: string[]): boolean {
  if (p.caseRule === 'any') return true;
  return words.every((w, i) => {
    const expected = p.written[i];
    if (p.caseRule === 'exact') return w === expected || w === expected.toUpperCase();
    const upper = (c: string) => c !== c.toLowerCase() || /\d/.test(c);
    return !upper(expected[0]) || upper(w[0]);
  });
}

export type RecordMention = (
  kind: MentionKind,
  id: string,
  object: AttackObject,
  via: 'name' | 'alias',
  confidence: number,
  start: number,
  end: number,
) => void;

/** Names and aliases of the catalog in `text`, outside the `exclude` ranges, each reported through `record`. */
export function findNames(
  text: string,
  catalog: AttackCatalog,
  exclude: { start: number; end: number }[],
  record: RecordMention,
): void {
  let patterns = patternCache.get(catalog);
  if (!patterns) {
    patterns = buildNamePatterns(catalog);
    patternCache.set(catalog, patterns);
  }
  const blocked = new Uint8Array(text.length + 1);
  for (const r of exclude) blocked.fill(1, r.start, r.end);
  // Tokens as parallel arrays: a report has hundreds of thousands, objects per token cost more than the matching.
  let lowerText = text.toLowerCase();
  if (lowerText.length !== text.length) lowerText = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isAlnum(text.charCodeAt(i))) continue;
    starts.push(i);
    while (i < text.length && isAlnum(text.charCodeAt(i))) i++;
    ends.push(i);
  }
  const lower = (i: number) => lowerText.slice(starts[i], ends[i]);
  const busyUntil = { technique: -1, tactic: -1, entity: -1 };
  for (let i = 0; i < starts.length; i++) {
    const candidates = patterns.get(lower(i));
    if (!candidates || blocked[starts[i]]) continue;
    for (const p of candidates) {
      const n = p.tokens.length;
      const family =
        p.targets[0].kind === 'technique' || p.targets[0].kind === 'tactic' ? p.targets[0].kind : 'entity';
      if (i <= busyUntil[family as keyof typeof busyUntil] || i + n > starts.length) continue;
      let ok = true;
      for (let j = 1; j < n && ok; j++) {
        ok = lower(i + j) === p.tokens[j] && GAP.test(text.slice(ends[i + j - 1], starts[i + j]));
      }
      const words = ok ? starts.slice(i, i + n).map((s, j) => text.slice(s, ends[i + j])) : [];
      if (!ok || !caseMatches(p, words)) continue;
      const start = starts[i];
      const end = ends[i + n - 1];
      if (blocked[end - 1]) continue;
      // Neighbours count only within the same clause: "... a tool. Play is fun" has no qualifier.
      const near = (a: number, b: number) => /^[\s'’-]{0,3}$/.test(text.slice(a, b));
      const prev = i > 0 && near(ends[i - 1], start) ? lower(i - 1) : undefined;
      const next = i + n < starts.length && near(end, starts[i + n]) ? lower(i + n) : undefined;
      const qualifiers = family === 'tactic' ? TACTIC_QUALIFIERS : ENTITY_QUALIFIERS;
      const qualified = (!!prev && qualifiers.has(prev)) || (!!next && qualifiers.has(next));
      const sentenceStart = /(?:^|[.!?:\n•*|>-])\s*$/.test(text.slice(Math.max(0, start - 3), start));
      if (!qualified && (p.qualifier === 'always' || (p.qualifier === 'at-sentence-start' && sentenceStart)))
        continue;
      busyUntil[family as keyof typeof busyUntil] = i + n - 1;
      let targets = p.targets;
      if (targets.length > 1 && qualified && family === 'entity') {
        // "Snake ransomware" vs "the Snake group": the qualifier picks the entity type.
        const word = next && qualifiers.has(next) ? next : prev;
        const wantActor = ['group', 'team', 'apt', 'actor', 'actors', 'gang', 'crew', 'operators'].includes(
          word ?? '',
        );
        const narrowed = targets.filter((t) => (t.kind === 'actor') === wantActor);
        if (narrowed.length > 0) targets = narrowed;
      }
      const confidence = p.confidence + (qualified ? 10 : 0) - (targets.length > 1 ? 20 : 0);
      for (const t of targets) record(t.kind, t.object.id, t.object, t.via, confidence, start, end);
    }
  }
}
