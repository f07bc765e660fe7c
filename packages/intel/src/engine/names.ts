import { indexCatalog } from '../attack/search.ts';
import type { AttackCatalog, AttackObject } from '../attack/types.ts';
import { findNames } from './name-match.ts';
import type { MentionKind } from './name-patterns.ts';
import { Sentences } from './sentences.ts';

export type { MentionKind } from './name-patterns.ts';

export interface MentionOccurrence {
  raw: string;
  start: number;
  end: number;
  sentence: string;
}

export interface AttackMention {
  kind: MentionKind;
  /** ATT&CK ID: T1059.001, TA0002, G0007, S0154, C0012. */
  id: string;
  name: string;
  stixId?: string;
  /** For software: malware or tool. */
  softwareKind?: 'malware' | 'tool';
  /** Found in the catalog (an ID of the right shape that the catalog lacks is still reported). */
  known: boolean;
  /** How the strongest occurrence named it. */
  via: 'id' | 'name' | 'alias';
  confidence: number;
  warnings: string[];
  occurrences: MentionOccurrence[];
}

export interface AttackMentions {
  techniques: AttackMention[];
  tactics: AttackMention[];
  actors: AttackMention[];
  software: AttackMention[];
  campaigns: AttackMention[];
}

const ID_RE = /(?<![\w./-])(?:T\d{4}(?:[./]\d{3})?|TA\d{4}|[GSC]\d{4})(?!\w|\.\d)/g;
const VIA_RANK = { id: 3, name: 2, alias: 1 } as const;

function kindOf(id: string): MentionKind | undefined {
  if (/^TA\d{4}$/.test(id)) return 'tactic';
  if (/^T\d{4}/.test(id)) return 'technique';
  return { G: 'actor', S: 'software', C: 'campaign' }[id[0]] as MentionKind | undefined;
}

/**
 * ATT&CK techniques, tactics, threat actors (intrusion sets with their aliases), software and
 * campaigns named in a text: by ID (validated against the catalog when there is one, by shape
 * otherwise) and by name or alias, with case rules for names that are also English words.
 * `exclude` ranges (say URLs and file names) are not searched for names.
 */
export function findAttackMentions(
  text: string,
  catalog?: AttackCatalog,
  options: { exclude?: { start: number; end: number }[] } = {},
): AttackMentions {
  const sentences = new Sentences(text);
  const found = new Map<string, AttackMention>();
  const record = (
    kind: MentionKind,
    id: string,
    object: AttackObject | undefined,
    via: AttackMention['via'],
    confidence: number,
    start: number,
    end: number,
  ) => {
    const key = `${kind}:${id}`;
    let m = found.get(key);
    if (!m) {
      m = {
        kind,
        id,
        name: object?.name ?? id,
        stixId: object?.stixId,
        known: !!object,
        via,
        confidence,
        warnings: [],
        occurrences: [],
      };
      if ('kind' in (object ?? {})) m.softwareKind = (object as { kind: 'malware' | 'tool' }).kind;
      if (!object && catalog) m.warnings.push('not in the ATT&CK catalog');
      found.set(key, m);
    }
    if (VIA_RANK[via] > VIA_RANK[m.via]) m.via = via;
    m.confidence = Math.max(m.confidence, confidence);
    m.occurrences.push({ raw: text.slice(start, end), start, end, sentence: sentences.at(start, end) });
  };

  const index = catalog ? indexCatalog(catalog) : undefined;
  ID_RE.lastIndex = 0;
  for (let m = ID_RE.exec(text); m; m = ID_RE.exec(text)) {
    const id = m[0].replace('/', '.');
    const kind = kindOf(id);
    const entry = index?.get(id);
    if (!kind || (!entry && kind !== 'technique' && kind !== 'tactic')) continue;
    if (kind === 'tactic' && !entry && !/^TA00(?:0[1-9]|[1-3]\d|4[0-3])$/.test(id)) continue;
    if (kind === 'technique' && !entry && !/^T1\d{3}/.test(id)) continue;
    record(kind, id, entry?.object, 'id', entry ? 95 : 40, m.index, m.index + m[0].length);
  }
  if (catalog) findNames(text, catalog, options.exclude ?? [], record);

  const all = [...found.values()];
  const of = (kind: MentionKind) => all.filter((m) => m.kind === kind);
  return {
    techniques: of('technique'),
    tactics: of('tactic'),
    actors: of('actor'),
    software: of('software'),
    campaigns: of('campaign'),
  };
}
