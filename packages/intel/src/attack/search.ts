import type { AttackCatalog, AttackObject } from './types.ts';

export type AttackKind = 'technique' | 'tactic' | 'group' | 'software' | 'campaign' | 'mitigation';

export interface AttackEntry {
  kind: AttackKind;
  object: AttackObject;
}

export interface AttackIndex {
  /** By ATT&CK ID (T1059.001, TA0002, G0007, S0154, C0012, M1036) or STIX id, case-insensitive. */
  get(id: string): AttackEntry | undefined;
  /** Every object whose name or alias equals `name`, case-insensitive. */
  byName(name: string): AttackEntry[];
  /** Objects whose ID, name or an alias starts with `prefix` (case-insensitive); exact hits first. */
  search(prefix: string, limit?: number): AttackEntry[];
}

const names = (o: AttackObject): string[] => [o.name, ...('aliases' in o ? o.aliases : [])];

const cache = new WeakMap<AttackCatalog, AttackIndex>();

/** A compact in-memory lookup over a catalog, built once per catalog. */
export function indexCatalog(catalog: AttackCatalog): AttackIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const byId = new Map<string, AttackEntry>();
  const byName = new Map<string, AttackEntry[]>();
  // Sorted keys (lower-case id/name/alias) for prefix search by binary search.
  const keys: { key: string; entry: AttackEntry }[] = [];
  const add = (kind: AttackKind, list: AttackObject[]) => {
    for (const object of list) {
      const entry = { kind, object };
      byId.set(object.id.toLowerCase(), entry);
      byId.set(object.stixId.toLowerCase(), entry);
      keys.push({ key: object.id.toLowerCase(), entry });
      for (const n of new Set(names(object).map((s) => s.toLowerCase()))) {
        const list = byName.get(n) ?? [];
        list.push(entry);
        byName.set(n, list);
        keys.push({ key: n, entry });
      }
    }
  };
  add('technique', catalog.techniques);
  add('tactic', catalog.tactics);
  add('group', catalog.groups);
  add('software', catalog.software);
  add('campaign', catalog.campaigns);
  add('mitigation', catalog.mitigations);
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const index: AttackIndex = {
    get: (id) => byId.get(id.trim().toLowerCase()),
    byName: (name) => byName.get(name.trim().toLowerCase()) ?? [],
    search(prefix, limit = 20) {
      const p = prefix.trim().toLowerCase();
      if (!p) return [];
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid].key < p) lo = mid + 1;
        else hi = mid;
      }
      const seen = new Set<AttackEntry>();
      const exact: AttackEntry[] = [];
      const rest: AttackEntry[] = [];
      for (let i = lo; i < keys.length && keys[i].key.startsWith(p); i++) {
        const { key, entry } = keys[i];
        if (seen.has(entry)) continue;
        seen.add(entry);
        (key === p ? exact : rest).push(entry);
      }
      return [...exact, ...rest].slice(0, limit);
    },
  };
  cache.set(catalog, index);
  return index;
}
