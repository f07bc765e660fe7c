import { extractIOC } from 'ioc-extractor';
import { extractIndicators } from '../src/engine/extract.ts';
import type { IndicatorType } from '../src/engine/types.ts';
import type { ValuesByType } from './corpus.ts';

export interface Engine {
  name: string;
  /** Indicator types the engine can produce; others print as n/a. */
  types: readonly IndicatorType[];
  extract(text: string, publisherDomains?: string[]): ValuesByType;
}

function group(pairs: [IndicatorType, string][]): ValuesByType {
  const out: ValuesByType = {};
  for (const [type, value] of pairs) {
    out[type] ??= [];
    out[type].push(value);
  }
  return out;
}

export const assay: Engine = {
  name: 'assay',
  types: [
    'ipv4',
    'ipv6',
    'domain',
    'url',
    'email',
    'md5',
    'sha1',
    'sha256',
    'sha512',
    'cve',
    'bitcoin',
    'attack_technique',
    'attack_tactic',
    'file',
    'registry_key',
    'mutex',
  ],
  extract: (text, publisherDomains) =>
    group(extractIndicators(text, { publisherDomains }).map((i) => [i.type, i.value])),
};

// ioc-extractor's result keys, mapped to our types.
const IOC_EXTRACTOR_TYPES: [string, IndicatorType][] = [
  ['ipv4s', 'ipv4'],
  ['ipv6s', 'ipv6'],
  ['domains', 'domain'],
  ['urls', 'url'],
  ['emails', 'email'],
  ['md5s', 'md5'],
  ['sha1s', 'sha1'],
  ['sha256s', 'sha256'],
  ['sha512s', 'sha512'],
  ['cves', 'cve'],
  ['btcs', 'bitcoin'],
];

/** The `ioc-extractor` npm package, with its refang option on (it is off by default). */
export const iocExtractor: Engine = {
  name: 'ioc-extractor',
  types: IOC_EXTRACTOR_TYPES.map(([, t]) => t),
  extract(text) {
    const result = extractIOC(text, { refang: true }) as unknown as Record<string, string[]>;
    return group(
      IOC_EXTRACTOR_TYPES.flatMap(([key, type]) =>
        (result[key] ?? []).map((v): [IndicatorType, string] => [type, v]),
      ),
    );
  },
};
