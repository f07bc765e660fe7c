import type { Candidate } from './collector.ts';
import { BENIGN_DOMAINS, PUBLIC_RESOLVERS } from './data/lists.ts';
import { ipv4RangeWarning, ipv6RangeWarning, parseIpv4, parseIpv6 } from './net.ts';
import { isSpecialUseTld } from './tld.ts';
import type { IndicatorType } from './types.ts';
import { canonicalUrl } from './url.ts';

const BENIGN = new Set(BENIGN_DOMAINS);
const RESOLVERS = new Set(PUBLIC_RESOLVERS);
const EMPTY_FILE_HASHES = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

const BASE_CONFIDENCE: Record<IndicatorType, number> = {
  md5: 85,
  sha1: 85,
  sha256: 95,
  sha512: 95,
  cve: 95,
  bitcoin: 95,
  attack_technique: 90,
  attack_tactic: 90,
  url: 90,
  registry_key: 90,
  email: 85,
  ipv4: 85,
  ipv6: 85,
  domain: 75,
  mutex: 70,
  file: 65,
};

/** Matches `domain` itself or any subdomain of a name in `set`. */
function inSet(domain: string, set: Set<string>): string | undefined {
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) if (set.has(d)) return d;
  return undefined;
}

function hostWarnings(host: string, publishers: Set<string>): string[] {
  const out: string[] = [];
  const v4 = parseIpv4(host);
  if (v4) {
    const range = ipv4RangeWarning(v4);
    if (range) out.push(range);
    if (RESOLVERS.has(host)) out.push('well-known public DNS resolver');
    return out;
  }
  const v6 = host.includes(':') ? parseIpv6(host) : null;
  if (v6) {
    const range = ipv6RangeWarning(v6);
    if (range) out.push(range);
    if (RESOLVERS.has(host)) out.push('well-known public DNS resolver');
    return out;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (tld !== 'onion' && isSpecialUseTld(tld)) out.push(`special-use name (.${tld})`);
  if (/(?:^|\.)example\.(?:com|net|org)$/.test(host)) out.push('example domain (RFC 2606)');
  if (inSet(host, publishers)) out.push("the publisher's own domain");
  if (inSet(host, BENIGN)) out.push('popular legitimate service');
  return out;
}

/** Adds the false-positive warnings and sets a 0-100 confidence for one candidate. */
export function assess(c: Candidate, publishers: Set<string>): number {
  let hostWarn: string[] = [];
  if (c.type === 'ipv4' || c.type === 'ipv6' || c.type === 'domain')
    hostWarn = hostWarnings(c.value, publishers);
  else if (c.type === 'email') hostWarn = hostWarnings(c.value.slice(c.value.indexOf('@') + 1), publishers);
  else if (c.type === 'url') {
    const host = canonicalUrl(c.value, true)?.host;
    if (host) hostWarn = hostWarnings(host, publishers);
  } else if (EMPTY_FILE_HASHES.has(c.value)) hostWarn = ['hash of an empty file'];
  for (const w of hostWarn) if (!c.warnings.includes(w)) c.warnings.push(w);
  let confidence = BASE_CONFIDENCE[c.type] + (c.defanged ? 10 : 0) - 30 * c.warnings.length;
  if (c.warnings.includes('unknown TLD') && c.defanged) confidence += 15;
  return Math.max(5, Math.min(100, confidence));
}
