import { Collector } from './collector.ts';
import { ambiguousExtension, readsAsFile } from './domain.ts';
import { refang } from './refang.ts';
import { scanFiles, scanMutexes, scanRegistry } from './scan-host.ts';
import { scanDomains, scanEmails, scanIpv4, scanIpv6, scanSchemelessUrls, scanUrls } from './scan-network.ts';
import { scanAttackIds, scanBitcoin, scanCves, scanHashes } from './scan-tokens.ts';
import { Sentences } from './sentences.ts';
import type { ExtractOptions, Indicator, IndicatorType } from './types.ts';
import { assess } from './warnings.ts';

export type { ExtractOptions, Indicator, IndicatorType } from './types.ts';

/**
 * Every indicator occurrence in a threat report, in text order. Defanged forms are refanged; each
 * indicator keeps its original position, text and sentence; likely false positives carry warnings.
 */
export function extractIndicators(text: string, options: ExtractOptions = {}): Indicator[] {
  const refanged = refang(text);
  const sentences = new Sentences(text);
  const c = new Collector(refanged);
  const isFile = (start: number, end: number, name: string) => {
    const ext = ambiguousExtension(name);
    return ext !== undefined && readsAsFile(refanged.text, start, end, ext);
  };

  // Order matters: a range taken by an earlier scanner is not reused (a URL's host is not also a domain).
  scanRegistry(c);
  scanUrls(c);
  scanEmails(c);
  scanMutexes(c, sentences);
  scanIpv6(c);
  scanSchemelessUrls(c);
  scanIpv4(c);
  scanHashes(c);
  scanBitcoin(c);
  scanCves(c);
  scanAttackIds(c);
  scanFiles(c, isFile);
  scanDomains(c, isFile);

  const publishers = new Set(
    (options.publisherDomains ?? []).map((d) => d.toLowerCase().replace(/^www\./, '')),
  );
  return c.found
    .sort((a, b) => a.start - b.start)
    .map((found) => {
      const confidence = assess(found, publishers);
      return {
        type: found.type,
        value: found.value,
        raw: text.slice(found.start, found.end),
        start: found.start,
        end: found.end,
        sentence: sentences.at(found.start, found.end),
        defanged: found.defanged,
        warnings: found.warnings,
        confidence,
      };
    });
}

const CASE_SENSITIVE = new Set<IndicatorType>(['bitcoin', 'mutex', 'url']);

/** A stable identity for an indicator value: `type:value`, case-folded where case does not matter. */
export function indicatorKey(type: IndicatorType, value: string): string {
  return `${type}:${CASE_SENSITIVE.has(type) ? value : value.toLowerCase()}`;
}
