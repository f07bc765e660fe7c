import type { AttackCatalog } from '../attack/types.ts';
import { extractIndicators } from './extract.ts';
import { type AttackMention, findAttackMentions } from './names.ts';
import type { Indicator } from './types.ts';

export { extractIndicators, indicatorKey } from './extract.ts';
export {
  type AttackMention,
  type AttackMentions,
  findAttackMentions,
  type MentionOccurrence,
} from './names.ts';
export { refang, refangText } from './refang.ts';
export { type ExtractOptions, INDICATOR_TYPES, type Indicator, type IndicatorType } from './types.ts';

export interface ReportOptions {
  /** ATT&CK catalog for names, aliases and ID validation; without it IDs are checked by shape only. */
  catalog?: AttackCatalog;
  publisherDomains?: string[];
}

export interface ReportExtraction {
  /** The offline, rule-based engine (no LLM). */
  method: 'baseline';
  indicators: Indicator[];
  techniques: AttackMention[];
  tactics: AttackMention[];
  actors: AttackMention[];
  software: AttackMention[];
  campaigns: AttackMention[];
}

// Names are not looked for inside these: "apt28-news.com" names a domain, not the actor.
const NAME_FREE = new Set(['url', 'domain', 'email', 'file', 'registry_key', 'mutex']);

/**
 * Everything the intel module pulls out of one report: indicators (refanged, normalised, with
 * positions and warnings) and the ATT&CK techniques, tactics, threat actors, software and campaigns
 * it names (tactics as named or cited by ID; a technique's own tactics are in the catalog).
 */
export function extractReport(text: string, options: ReportOptions = {}): ReportExtraction {
  const indicators = extractIndicators(text, { publisherDomains: options.publisherDomains });
  const exclude = indicators
    .filter((i) => NAME_FREE.has(i.type))
    .map((i) => ({ start: i.start, end: i.end }));
  const mentions = findAttackMentions(text, options.catalog, { exclude });
  return { method: 'baseline', indicators, ...mentions };
}
