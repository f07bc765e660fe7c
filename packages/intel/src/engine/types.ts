export const INDICATOR_TYPES = [
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
] as const;

export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export interface Indicator {
  type: IndicatorType;
  /** Normalised: refanged, canonical case, compressed IPv6, canonical URL. */
  value: string;
  /** Exactly as written: `text.slice(start, end) === raw` on the original text. */
  raw: string;
  start: number;
  end: number;
  /** The sentence (or table row / list item) the indicator sits in, whitespace collapsed. */
  sentence: string;
  /** Written in a defanged form (hxxp, [.], [at], ...). */
  defanged: boolean;
  /** Reasons it may be a false positive; such indicators are marked, never dropped. */
  warnings: string[];
  confidence: number;
}

export interface ExtractOptions {
  /** The report publisher's own domains: mentions of them get a warning. */
  publisherDomains?: string[];
}
