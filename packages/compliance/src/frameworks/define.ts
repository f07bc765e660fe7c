import type { Control, Facet, ScopeKey, Severity } from './types.ts';

/** Builds a facet; each `group` is a `|`-separated list of synonyms, e.g. `'encrypt*|cryptograph*'`. */
export function facet(key: string, description: string, ...groups: string[]): Facet {
  if (groups.length === 0) throw new Error(`facet ${key} needs at least one term group`);
  return { key, description, terms: groups.map(splitSynonyms) };
}

/** Like `facet`, for requirements phrased as a ban, where "must not" is the commitment. */
export function prohibition(key: string, description: string, ...groups: string[]): Facet {
  return { ...facet(key, description, ...groups), prohibition: true };
}

function splitSynonyms(group: string): string[] {
  const synonyms = group
    .split('|')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (synonyms.length === 0) throw new Error(`empty term group "${group}"`);
  return synonyms;
}

export interface ControlSpec {
  title: string;
  summary: string;
  severity: Severity;
  facets: Facet[];
  appliesWhen?: ScopeKey;
}

/** Returns a function that defines the controls of one family of one framework. */
export function controlFamily(framework: string, family: string, defaults: { appliesWhen?: ScopeKey } = {}) {
  return (id: string, spec: ControlSpec): Control => ({ id, framework, family, ...defaults, ...spec });
}
