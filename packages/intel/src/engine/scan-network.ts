import type { Collector } from './collector.ts';
import { checkDomain } from './domain.ts';
import { formatIpv6, parseIpv4, parseIpv6 } from './net.ts';
import { canonicalUrl, trimUrlEnd } from './url.ts';

const URL_CHARS = '[^\\s<>"\'`{}|^\\[\\]\\\\“”‘’«»]';
const URL_RE = new RegExp(
  `\\b(?:https?|ftps?|sftp|wss?|ldaps?|rmi|smb|tcp|udp|ssh|telnet):\\/\\/(?:\\[[0-9A-Fa-f:.]+\\])?${URL_CHARS}*`,
  'gi',
);
// A URL cut at a line end by PDF extraction continues on the next line with a path-like token.
const URL_CONTINUATION = new RegExp(`^\\r?\\n[ \\t]*([a-z0-9_/%.?-]${URL_CHARS}*)`);
const SCHEMELESS_RE = new RegExp(
  `(?<![\\w.@/\\\\:%$-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63})(:\\d{2,5})?\\/(${URL_CHARS}+)`,
  'gi',
);
const EMAIL_RE =
  /(?<![\w.%+-])[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_%+-])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}(?![\w-])/gi;
const IPV4_RE = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)/g;
const IPV6_RE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
const DOMAIN_RE =
  /(?<![\w@.\\/%$-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:xn--[a-z0-9-]{1,59}|[a-z]{2,63})(?![\w-]|\.[a-z0-9])/gi;
// Dotted quads that are version, build or section numbers rather than addresses, told by the words
// or the shorter version numbers next to them ("kernel 4.19.0.17", "9.16.4.42 or earlier", "7.18.0 and 8.0.0.1").
const VERSION_BEFORE =
  /(?:\b(?:versions?|ver|builds?|release|rel|firmware|fw|kernel|update|patch|revision|rev|fig(?:ure)?s?|tables?|sections?|chapters?|appendix)\.?(?:\s+(?:is|of|number|no\.?|was|=))?|\bv|§)\s*[:#]?\s*$/i;
const VERSION_AFTER = /^\s*(?:or|and)\s+(?:earlier|later|newer|older|prior|above|below|before|after)\b/i;
const NEAR_VERSION = /(?<![\d.])\d+\.\d+(?:\.\d+)?(?![\d.])/;
const LIST_WORD = /^\s*(?:,|and|or|to|through|until|-|–)\s*$/i;

function isVersionLike(t: string, start: number, end: number): boolean {
  const before = t.slice(Math.max(0, start - 40), start);
  if (VERSION_BEFORE.test(before) || VERSION_AFTER.test(t.slice(end, end + 24))) return true;
  const prev = /(\S+)(\s*(?:,|and|or|to|through|until|-|–)\s*)$/i.exec(before);
  if (prev && NEAR_VERSION.test(prev[1]) && LIST_WORD.test(prev[2]) && !/\d+\.\d+\.\d+\.\d+/.test(prev[1])) {
    return true;
  }
  const next = /^(\s*(?:,|and|or|to|through|until|-|–)\s*)(\S+)/i.exec(t.slice(end, end + 40));
  return (
    !!next && LIST_WORD.test(next[1]) && NEAR_VERSION.test(next[2]) && !/\d+\.\d+\.\d+\.\d+/.test(next[2])
  );
}

/** In a CSV row, a URL ends at the comma before the next cell: `https://x/a.js,url,2024-03-03,...`. */
function csvCell(t: string, start: number, url: string): string {
  const comma = url.indexOf(',');
  if (comma < 0) return url;
  const lineEnd = t.indexOf('\n', start);
  const rest = t.slice(start + comma, lineEnd < 0 ? t.length : lineEnd);
  return (rest.match(/,/g)?.length ?? 0) >= 3 ? url.slice(0, comma) : url;
}

export function scanUrls(c: Collector): void {
  const t = c.refanged.text;
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(t); m; m = URL_RE.exec(t)) {
    let url = csvCell(t, m.index, m[0]);
    let end = m.index + url.length;
    const cont = url === m[0] ? URL_CONTINUATION.exec(t.slice(end, end + 300)) : null;
    if (cont && /[./?=&_\d-]/.test(cont[1]) && (/[/_\-=&?%]$/.test(url) || /^[./?]/.test(cont[1]))) {
      end += cont[0].length;
      url += cont[1];
    }
    const trimmed = trimUrlEnd(url);
    end -= url.length - trimmed.length;
    const checked = canonicalUrl(trimmed, c.refanged.defanged(m.index, end));
    if (checked?.host) c.add('url', checked.value, m.index, end, checked.warnings);
  }
}

/** `evil.com/gate.php`: a host followed by a path is a URL even without a scheme. */
export function scanSchemelessUrls(c: Collector): void {
  const t = c.refanged.text;
  SCHEMELESS_RE.lastIndex = 0;
  for (let m = SCHEMELESS_RE.exec(t); m; m = SCHEMELESS_RE.exec(t)) {
    const trimmed = trimUrlEnd(m[0]);
    const end = m.index + trimmed.length;
    if (trimmed.length <= m[1].length + (m[2]?.length ?? 0) + 1) continue;
    if (/^[\d.]+$/.test(m[1]) && /^\/\d{1,3}$/.test(trimmed.slice(m[1].length))) continue; // CIDR
    const defanged = c.refanged.defanged(m.index, end);
    const checked = canonicalUrl(trimmed, defanged);
    if (checked && (defanged || !/^[\d.]+$/.test(m[1]) || parseIpv4(m[1]))) {
      c.add('url', checked.value, m.index, end, checked.warnings);
    }
  }
}

export function scanEmails(c: Collector): void {
  const t = c.refanged.text;
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(t); m; m = EMAIL_RE.exec(t)) {
    const at = m[0].indexOf('@');
    const checked = checkDomain(m[0].slice(at + 1), c.refanged.defanged(m.index, m.index + m[0].length));
    if (!checked) continue;
    const value = `${m[0].slice(0, at)}@${checked.host}`.toLowerCase();
    c.add('email', value, m.index, m.index + value.length, checked.warnings);
  }
}

export function scanIpv6(c: Collector): void {
  const t = c.refanged.text;
  IPV6_RE.lastIndex = 0;
  for (let m = IPV6_RE.exec(t); m; m = IPV6_RE.exec(t)) {
    const s = m[0];
    if (!/[0-9a-f]/i.test(s) || (!s.includes('::') && s.split(':').length < 8)) continue;
    const groups = parseIpv6(s);
    if (groups) c.add('ipv6', formatIpv6(groups), m.index, m.index + s.length);
  }
}

export function scanIpv4(c: Collector): void {
  const t = c.refanged.text;
  IPV4_RE.lastIndex = 0;
  for (let m = IPV4_RE.exec(t); m; m = IPV4_RE.exec(t)) {
    const octets = parseIpv4(m[0]);
    if (!octets) continue;
    if (isVersionLike(t, m.index, m.index + m[0].length)) continue;
    c.add('ipv4', octets.join('.'), m.index, m.index + m[0].length);
  }
}

/**
 * Domains; names whose last label is both a TLD and a file extension go to whichever reading the
 * context favours (see readsAsFile), through `isFile`.
 */
export function scanDomains(
  c: Collector,
  isFile: (start: number, end: number, name: string) => boolean,
): void {
  const t = c.refanged.text;
  DOMAIN_RE.lastIndex = 0;
  for (let m = DOMAIN_RE.exec(t); m; m = DOMAIN_RE.exec(t)) {
    if (t.charAt(m.index + m[0].length) === '(') continue; // a method call in code
    if (/^[\d.]+$/.test(m[0])) continue;
    const defanged = c.refanged.defanged(m.index, m.index + m[0].length);
    const checked = checkDomain(m[0], defanged);
    if (!checked) continue;
    const end = m.index + checked.host.length;
    if (!defanged && isFile(m.index, end, checked.host)) continue;
    c.add('domain', checked.host, m.index, end, checked.warnings);
  }
}
