import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IndicatorType } from '../src/engine/types.ts';

export type ValuesByType = Partial<Record<IndicatorType, string[]>>;

export interface Gold {
  style: string;
  /** Written after the engine's rules were settled and never used to tune them. */
  heldOut: boolean;
  publisherDomains?: string[];
  /** What a careful analyst would extract. */
  indicators: ValuesByType;
  /** Present and extractable, but should carry a warning (documentation ranges, resolvers, own domains...). */
  benign?: ValuesByType;
  /** Debatable either way: neither rewarded nor penalised. */
  ignore?: ValuesByType;
  /** ATT&CK names (any name or alias) the report mentions. */
  names?: { actors: string[]; software: string[]; techniques: string[] };
}

export interface CorpusDocument {
  id: string;
  text: string;
  gold: Gold;
}

export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The evaluation reports (`NN-name.txt`) with their labels (`NN-name.gold.json`). */
export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      return {
        id,
        text: readFileSync(`${dir}/${f}`, 'utf8'),
        gold: JSON.parse(readFileSync(`${dir}/${id}.gold.json`, 'utf8')) as Gold,
      };
    });
}
