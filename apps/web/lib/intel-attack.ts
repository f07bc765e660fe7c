import type { AttackMatrix, AttackTacticInfo, AttackTechniqueInfo } from './intel-types';

/** Enterprise ATT&CK tactics in kill-chain order (the order of the official matrix). */
export const TACTIC_ORDER = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
];

/** The column of seen techniques the imported catalogue does not place under a tactic. */
export const UNPLACED = 'not-placed';

const TACTIC_IDS: Record<string, string> = {
  reconnaissance: 'TA0043',
  'resource-development': 'TA0042',
  'initial-access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege-escalation': 'TA0004',
  'defense-evasion': 'TA0005',
  'credential-access': 'TA0006',
  discovery: 'TA0007',
  'lateral-movement': 'TA0008',
  collection: 'TA0009',
  'command-and-control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};

/** `command-and-control` → `Command and Control`, for tactics the catalogue does not name. */
export function tacticName(shortname: string): string {
  const small = new Set(['and', 'of', 'the']);
  return shortname
    .split('-')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

export interface HeatSub {
  attack_id: string;
  name: string;
  count: number;
}

export interface HeatCell {
  attack_id: string;
  name: string;
  /** Its own mentions plus those of its sub-techniques. */
  total: number;
  own: number;
  subs: HeatSub[];
  /** 0 (never seen) to 4 (as often as the most seen technique). */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatColumn {
  tactic: AttackTacticInfo;
  cells: HeatCell[];
  /** Sum of the column's cell totals: how often the tactic's techniques were seen. */
  total: number;
  seen: number;
}

export interface HeatMap {
  columns: HeatColumn[];
  max: number;
  techniquesSeen: number;
  mentions: number;
}

export function heatLevel(total: number, max: number): HeatCell['level'] {
  if (total <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((total / max) * 4))) as HeatCell['level'];
}

const parentOf = (t: AttackTechniqueInfo) =>
  t.parent_id ?? (t.attack_id.includes('.') ? t.attack_id.split('.')[0] : null);

/**
 * Tactics as columns in kill-chain order (unknown tactics after them), parent techniques as cells with
 * their sub-techniques' counts rolled up. A sub-technique seen without its parent in the catalogue
 * still appears, under a cell named after its parent's id. `onlySeen` drops cells never mentioned.
 */
export function buildHeatMap(
  tactics: AttackTacticInfo[],
  techniques: AttackTechniqueInfo[],
  { onlySeen = false }: { onlySeen?: boolean } = {},
): HeatMap {
  const parents = new Map<string, AttackTechniqueInfo>();
  const subsOf = new Map<string, AttackTechniqueInfo[]>();
  for (const t of techniques) {
    const parent = parentOf(t);
    if (parent) subsOf.set(parent, [...(subsOf.get(parent) ?? []), t]);
    else parents.set(t.attack_id, t);
  }
  for (const [parentId, subs] of subsOf) {
    if (!parents.has(parentId))
      parents.set(parentId, {
        attack_id: parentId,
        name: parentId,
        tactics: subs[0].tactics,
        parent_id: null,
        count: 0,
      });
  }

  const cellsByTactic = new Map<string, HeatCell[]>();
  let max = 0;
  let mentions = 0;
  let techniquesSeen = 0;
  const raw: { tactics: string[]; cell: Omit<HeatCell, 'level'> }[] = [];
  for (const t of parents.values()) {
    const subs = (subsOf.get(t.attack_id) ?? [])
      .map((s) => ({ attack_id: s.attack_id, name: s.name, count: s.count }))
      .sort((a, b) => b.count - a.count || a.attack_id.localeCompare(b.attack_id, 'en', { numeric: true }));
    const total = t.count + subs.reduce((n, s) => n + s.count, 0);
    max = Math.max(max, total);
    mentions += total;
    if (total > 0) techniquesSeen++;
    raw.push({
      tactics: t.tactics,
      cell: { attack_id: t.attack_id, name: t.name, total, own: t.count, subs },
    });
  }
  for (const { tactics: ts, cell } of raw) {
    if (onlySeen && cell.total === 0) continue;
    for (const tactic of ts.length ? ts : [UNPLACED]) {
      const list = cellsByTactic.get(tactic) ?? [];
      list.push({ ...cell, level: heatLevel(cell.total, max) });
      cellsByTactic.set(tactic, list);
    }
  }

  const known = new Map(tactics.map((t) => [t.shortname, t]));
  const rank = (s: string) => {
    const i = TACTIC_ORDER.indexOf(s);
    return i < 0 ? TACTIC_ORDER.length : i;
  };
  const shortnames = [
    ...new Set([
      ...TACTIC_ORDER.filter((s) => known.has(s) || cellsByTactic.has(s)),
      ...known.keys(),
      ...cellsByTactic.keys(),
    ]),
  ]
    .filter((s) => !onlySeen || cellsByTactic.has(s))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const columns = shortnames.map((s) => {
    const cells = (cellsByTactic.get(s) ?? []).sort(
      (a, b) => b.total - a.total || a.name.localeCompare(b.name),
    );
    return {
      tactic: known.get(s) ?? {
        attack_id: TACTIC_IDS[s] ?? '',
        shortname: s,
        name: s === UNPLACED ? 'Not placed' : tacticName(s),
      },
      cells,
      total: cells.reduce((n, c) => n + c.total, 0),
      seen: cells.filter((c) => c.total > 0).length,
    };
  });
  return { columns, max, techniquesSeen, mentions };
}

/**
 * The API's matrix (each tactic listing its techniques and sub-techniques) as one list of tactics and
 * one of techniques, each technique once with all its tactics. Seen techniques the catalogue does not
 * know keep no tactic and land in the "not placed" column.
 */
export function fromMatrix(matrix: AttackMatrix): {
  tactics: AttackTacticInfo[];
  techniques: AttackTechniqueInfo[];
} {
  const techniques = new Map<string, AttackTechniqueInfo>();
  const tactics = matrix.tactics.map((t) => ({ attack_id: t.id, shortname: t.shortname, name: t.name }));
  for (const tactic of matrix.tactics)
    for (const t of tactic.techniques) {
      const known = techniques.get(t.id);
      if (known) {
        if (!known.tactics.includes(tactic.shortname)) known.tactics.push(tactic.shortname);
        continue;
      }
      techniques.set(t.id, {
        attack_id: t.id,
        name: t.name,
        tactics: [tactic.shortname],
        parent_id: t.is_subtechnique ? t.parent_id : null,
        count: t.report_count,
      });
    }
  for (const t of matrix.unplaced)
    if (!techniques.has(t.id))
      techniques.set(t.id, {
        attack_id: t.id,
        name: t.name,
        tactics: [],
        parent_id: t.is_subtechnique ? t.parent_id : null,
        count: t.report_count,
      });
  return { tactics, techniques: [...techniques.values()] };
}
