import type { AttackCatalog, AttackObject } from '../attack/types.ts';
import { isEnglishWord, isVeryCommonWord } from './words.ts';

export type MentionKind = 'technique' | 'tactic' | 'actor' | 'software' | 'campaign';

export interface NameTarget {
  kind: MentionKind;
  object: AttackObject;
  via: 'name' | 'alias';
}

/**
 * How a name must be written to count: `any` case; `capitalised` like the catalog spells it (for
 * names that are English words); `exact` (or all capitals) for short names.
 */
export type CaseRule = 'any' | 'capitalised' | 'exact';

/** When a neighbouring word such as "group", "ransomware" or "tactic" must confirm the name. */
export type QualifierRule = 'never' | 'always' | 'at-sentence-start';

export interface NamePattern {
  tokens: string[];
  /** The name's tokens as the catalog writes them. */
  written: string[];
  targets: NameTarget[];
  caseRule: CaseRule;
  qualifier: QualifierRule;
  confidence: number;
}

const TOKEN = /[A-Za-z0-9]+/g;
// Names that are just a malware category: "Wiper", "Ransomware" only ever read as the common noun.
const CATEGORY_NAMES = new Set(
  'ransomware wiper backdoor trojan loader stealer rat worm botnet rootkit keylogger downloader dropper spyware miner implant agent shell webshell payload beacon malware tool'.split(
    ' ',
  ),
);

const isNumber = (t: string) => /^\d+$/.test(t);
const allWords = (written: string[]) => written.every((t) => isEnglishWord(t) || isNumber(t));

/** Rules for a threat actor, software or campaign name. */
function entityRules(
  written: string[],
  surface: string,
): Omit<NamePattern, 'tokens' | 'written' | 'targets'> | null {
  if (surface.replace(/[^A-Za-z0-9]/g, '').length < 3) return null;
  if (written.length === 1 && CATEGORY_NAMES.has(written[0].toLowerCase())) return null;
  if (!allWords(written)) {
    return { caseRule: surface.length <= 4 ? 'exact' : 'any', qualifier: 'never', confidence: 85 };
  }
  if (written.length === 1) {
    const risky = isVeryCommonWord(written[0]) || written[0].length <= 4;
    return { caseRule: 'capitalised', qualifier: risky ? 'always' : 'at-sentence-start', confidence: 65 };
  }
  const veryCommon = written.every((t) => isVeryCommonWord(t) || isNumber(t));
  return { caseRule: 'capitalised', qualifier: veryCommon ? 'at-sentence-start' : 'never', confidence: 75 };
}

/** Rules for a technique name; null for names too generic to read as the technique ("Software", "DNS"). */
function techniqueRules(
  written: string[],
  isSub: boolean,
): Omit<NamePattern, 'tokens' | 'written' | 'targets'> | null {
  if (written.length > 1) return { caseRule: 'any', qualifier: 'never', confidence: 70 };
  const word = written[0];
  if (!isSub && !isVeryCommonWord(word) && word.length >= 5)
    return { caseRule: 'any', qualifier: 'never', confidence: 50 };
  if (isEnglishWord(word) || word.length < 5 || (word.length <= 5 && word === word.toUpperCase()))
    return null;
  return { caseRule: 'any', qualifier: 'never', confidence: 55 };
}

/** Multi-word tactic names read freely; one-word ones ("Execution", "Impact") need "tactic" nearby. */
function tacticRules(written: string[]): Omit<NamePattern, 'tokens' | 'written' | 'targets'> {
  if (written.length > 1) return { caseRule: 'any', qualifier: 'never', confidence: 60 };
  return { caseRule: 'capitalised', qualifier: 'always', confidence: 55 };
}

/** Name patterns of a catalog, keyed by their first token in lower case, longest first. */
export function buildNamePatterns(catalog: AttackCatalog): Map<string, NamePattern[]> {
  const bySurface = new Map<string, NamePattern>();
  const techniqueSurfaces = new Map<string, Set<string>>();
  const add = (
    kind: MentionKind,
    object: AttackObject,
    surface: string,
    via: 'name' | 'alias',
    rules: ReturnType<typeof entityRules>,
  ) => {
    if (!rules) return;
    const written = surface.match(TOKEN) ?? [];
    if (written.length === 0) return;
    const key = `${kind === 'technique' || kind === 'tactic' ? kind : 'entity'}:${written.join(' ').toLowerCase()}`;
    const existing = bySurface.get(key);
    if (existing) {
      if (!existing.targets.some((t) => t.object === object)) existing.targets.push({ kind, object, via });
      return;
    }
    bySurface.set(key, {
      tokens: written.map((t) => t.toLowerCase()),
      written,
      targets: [{ kind, object, via }],
      ...rules,
    });
  };
  const byId = new Map(catalog.techniques.map((t) => [t.id, t]));
  for (const t of catalog.techniques) {
    const surfaces = [t.name];
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    if (parent) surfaces.push(`${parent.name}: ${t.name}`);
    for (const s of surfaces) {
      const key = (s.match(TOKEN) ?? []).join(' ').toLowerCase();
      const ids = techniqueSurfaces.get(key) ?? new Set();
      ids.add(t.id);
      techniqueSurfaces.set(key, ids);
      add('technique', t, s, 'name', techniqueRules(s.match(TOKEN) ?? [], t.isSubtechnique));
    }
  }
  // A technique name shared by several techniques ("Local Account") cannot say which one is meant.
  for (const [key, ids] of techniqueSurfaces) if (ids.size > 1) bySurface.delete(`technique:${key}`);
  for (const t of catalog.tactics) add('tactic', t, t.name, 'name', tacticRules(t.name.match(TOKEN) ?? []));
  const entities: [MentionKind, AttackObject[]][] = [
    ['actor', catalog.groups],
    ['software', catalog.software],
    ['campaign', catalog.campaigns],
  ];
  for (const [kind, list] of entities) {
    for (const o of list) {
      const aliases = 'aliases' in o ? o.aliases : [];
      for (const s of new Set([o.name, ...aliases]))
        add(kind, o, s, s === o.name ? 'name' : 'alias', entityRules(s.match(TOKEN) ?? [], s));
    }
  }
  const byFirst = new Map<string, NamePattern[]>();
  for (const p of bySurface.values()) {
    const list = byFirst.get(p.tokens[0]) ?? [];
    list.push(p);
    byFirst.set(p.tokens[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
}
