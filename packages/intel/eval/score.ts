import { indicatorKey } from '../src/engine/extract.ts';
import { formatIpv6, parseIpv4, parseIpv6 } from '../src/engine/net.ts';
import type { IndicatorType } from '../src/engine/types.ts';
import { canonicalUrl } from '../src/engine/url.ts';
import type { Gold, ValuesByType } from './corpus.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type CountsByType = Partial<Record<IndicatorType, Counts>>;

/** One comparison form for both engines' outputs and the labels. */
export function comparable(type: IndicatorType, value: string): string {
  let v = value.trim();
  if (type === 'url') v = canonicalUrl(v, true)?.value ?? v;
  else if (type === 'ipv6') v = formatIpv6(parseIpv6(v) ?? []) || v;
  else if (type === 'ipv4') v = parseIpv4(v)?.join('.') ?? v;
  else if (type === 'cve') v = v.toUpperCase();
  return indicatorKey(type, v);
}

const keys = (values: ValuesByType | undefined): Set<string> => {
  const out = new Set<string>();
  for (const [type, list] of Object.entries(values ?? {})) {
    for (const v of list ?? []) out.add(comparable(type as IndicatorType, v));
  }
  return out;
};

/**
 * Values that count neither way: the benign and ignored labels, plus the host of every labelled URL
 * and the domain of every labelled email (one engine reports them separately, the other does not).
 */
function dontCare(gold: Gold, truth: Set<string>): Set<string> {
  const out = new Set([...keys(gold.benign), ...keys(gold.ignore)]);
  for (const url of gold.indicators.url ?? []) {
    const host = canonicalUrl(url, true)?.host;
    if (!host) continue;
    out.add(comparable('domain', host));
    out.add(comparable('ipv4', host));
    out.add(comparable('ipv6', host));
  }
  for (const email of gold.indicators.email ?? [])
    out.add(comparable('domain', email.slice(email.indexOf('@') + 1)));
  for (const k of truth) out.delete(k);
  return out;
}

export interface DocumentScore {
  counts: CountsByType;
  /** Comparable keys (`type:value`) predicted but not labelled. */
  falsePositives: string[];
  /** Labelled keys not predicted. */
  misses: string[];
}

/** Per-type true/false positives and misses of one document's predictions, for the given types. */
export function scoreDocument(
  predicted: ValuesByType,
  gold: Gold,
  types: readonly IndicatorType[],
): DocumentScore {
  const truth = keys(gold.indicators);
  const ignored = dontCare(gold, truth);
  const predictedKeys = keys(predicted);
  const typeOf = (k: string) => k.slice(0, k.indexOf(':')) as IndicatorType;
  const falsePositives = [...predictedKeys].filter(
    (k) => types.includes(typeOf(k)) && !truth.has(k) && !ignored.has(k),
  );
  const misses = [...truth].filter((k) => types.includes(typeOf(k)) && !predictedKeys.has(k));
  const counts: CountsByType = {};
  for (const type of types) counts[type] = { tp: 0, fp: 0, fn: 0 };
  for (const k of predictedKeys) if (truth.has(k) && counts[typeOf(k)]) counts[typeOf(k)]!.tp++;
  for (const k of falsePositives) counts[typeOf(k)]!.fp++;
  for (const k of misses) counts[typeOf(k)]!.fn++;
  return { counts, falsePositives, misses };
}

export function addCounts(into: CountsByType, from: CountsByType): void {
  for (const [type, c] of Object.entries(from) as [IndicatorType, Counts][]) {
    into[type] ??= { tp: 0, fp: 0, fn: 0 };
    const t = into[type];
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
}

export function total(counts: CountsByType, types?: readonly IndicatorType[]): Counts {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of Object.entries(counts) as [IndicatorType, Counts][]) {
    if (types && !types.includes(type)) continue;
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
  }
  return out;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
