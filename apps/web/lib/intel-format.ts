import type { IndicatorType, ItemKind, ReportStatus, Tlp } from './intel-types';

export const TLP_LEVELS: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** TLP 2.0 labels as analysts write them. */
export const TLP_LABEL: Record<Tlp, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  'amber+strict': 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

export const TLP_HELP: Record<Tlp, string> = {
  clear: 'may be shared publicly',
  green: 'within the community',
  amber: 'within the organization and its clients',
  'amber+strict': 'within the organization only',
  red: 'named recipients only',
};

export const INDICATOR_TYPES: IndicatorType[] = [
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
  'attack_technique',
  'attack_tactic',
  'bitcoin',
  'file',
  'registry_key',
  'mutex',
  'yara',
];

export const INDICATOR_LABEL: Record<string, string> = {
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  domain: 'Domain',
  url: 'URL',
  email: 'Email',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  cve: 'CVE',
  attack_technique: 'ATT&CK technique',
  attack_tactic: 'ATT&CK tactic',
  bitcoin: 'Bitcoin',
  file: 'File name',
  registry_key: 'Registry key',
  mutex: 'Mutex',
  yara: 'YARA rule',
};

export const indicatorLabel = (type: string) => INDICATOR_LABEL[type] ?? type;

export const ITEM_KINDS: ItemKind[] = ['indicator', 'actor', 'technique', 'tactic', 'software', 'campaign'];

export const ITEM_KIND_LABEL: Record<ItemKind, string> = {
  indicator: 'Indicators',
  actor: 'Threat actors',
  technique: 'Techniques',
  tactic: 'Tactics',
  software: 'Software',
  campaign: 'Campaigns',
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  awaiting_upload: 'awaiting upload',
  processing: 'extracting',
  review: 'needs review',
  completed: 'reviewed',
  failed: 'failed',
};

/** Confidence 0-100 in words, so a colour or a number is never the only cue. */
export function confidenceBand(value: number): 'high' | 'medium' | 'low' {
  if (value >= 80) return 'high';
  if (value >= 50) return 'medium';
  return 'low';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Dollars with enough digits for per-run token costs (fractions of a cent). */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '—';
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
