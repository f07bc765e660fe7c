import { DOMAIN_FIRST_EXTENSIONS, FILE_EXTENSIONS } from './data/lists.ts';
import { parseIpv4 } from './net.ts';
import { isSpecialUseTld, isTld } from './tld.ts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const FILE_EXTS = new Set(FILE_EXTENSIONS);
const DOMAIN_FIRST = new Set(DOMAIN_FIRST_EXTENSIONS);

export interface HostCheck {
  /** The accepted host, possibly shorter than the input when trailing labels were not a TLD. */
  host: string;
  warnings: string[];
}

/**
 * Validates a dotted name as a domain: at least two labels, a public or special-use TLD. Trailing
 * labels that are not a TLD are dropped (`evil.com.Then` -> `evil.com`). With `strictCase`, code-like
 * case (`System.IO`, `ASP.NET`) is refused. An unknown TLD passes only when the writer defanged the name.
 */
export function checkDomain(name: string, defanged: boolean, strictCase = true): HostCheck | null {
  const labels = name.split('.');
  while (labels.length >= 2) {
    const tld = labels[labels.length - 1];
    const known = isTld(tld) || isSpecialUseTld(tld);
    if ((known || (defanged && /^[a-z]{2,}$/i.test(tld))) && labels.every((l) => LABEL.test(l))) {
      const host = labels.join('.');
      if (strictCase && /^[a-z]+$/i.test(tld) && tld !== tld.toLowerCase()) {
        // Upper case TLDs only in an all-capitals name; two capitals-only labels read as a tech name.
        if (host !== host.toUpperCase() || (labels.length === 2 && !defanged)) return null;
      }
      if (/^\d+$/.test(tld)) return null;
      return { host: host.toLowerCase(), warnings: known ? [] : ['unknown TLD'] };
    }
    labels.pop();
  }
  return null;
}

/** A URL or email host: a domain, an IPv4 address or a bracketed IPv6 address. */
export function checkHost(host: string, defanged: boolean): HostCheck | null {
  if (host.startsWith('[') && host.endsWith(']')) return { host: host.toLowerCase(), warnings: [] };
  if (/^[\d.]+$/.test(host)) {
    const octets = parseIpv4(host);
    return octets ? { host: octets.join('.'), warnings: [] } : null;
  }
  // Inside a URL the case of the host says nothing about it being code.
  const domain = checkDomain(host, defanged, false);
  if (domain && domain.host.length === host.length) return domain;
  if (defanged && /^[a-z0-9-]+$/i.test(host))
    return { host: host.toLowerCase(), warnings: ['single-label host'] };
  return null;
}

/** The last label of a dotted name, lower case, when it is both a TLD and a file extension. */
export function ambiguousExtension(name: string): string | undefined {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return FILE_EXTS.has(ext) && isTld(ext) ? ext : undefined;
}

const DOMAIN_CUE =
  /\b(?:domains?|subdomains?|c2|c&c|cnc|hosts?|hostnames?|hosted|resolv(?:e|es|ed|ing)|dns|servers?|registered|beacon(?:s|ed|ing)?|connect(?:s|ed|ion)?|contact(?:s|ed)?|callback|infrastructure|websites?|sites?|whois|nameservers?|lookups?|fqdn)\b/gi;
const FILE_CUE =
  /\b(?:files?|filenames?|attachments?|archives?|documents?|dropp(?:ed|er|s)|drops?|execut(?:es|ed|able|ion|ing)|payloads?|named|extract(?:s|ed)?|open(?:s|ed)?|unpack(?:s|ed)?|saved?|writes|written|wrote|scripts?|macros?|loaders?|binar(?:y|ies)|lures?|compressed|samples?|renamed|copies|copied|installer|zip)\b/gi;

function nearest(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  return last;
}

/**
 * Whether a name ending in an extension that is also a TLD (`update.zip`, `setup.py`, `cmd.com`) is a
 * file rather than a domain: a path separator before it, else the nearest cue word before it (within
 * 60 characters), else a cue just after, else the extension's default.
 */
export function readsAsFile(text: string, start: number, end: number, ext: string): boolean {
  const prev = text.charAt(start - 1);
  if (prev === '\\' || prev === '/') return true;
  const before = text.slice(Math.max(0, start - 60), start);
  const d = nearest(DOMAIN_CUE, before);
  const f = nearest(FILE_CUE, before);
  if (d !== f) return f > d;
  const after = text.slice(end, end + 30);
  const da = after.search(DOMAIN_CUE);
  const fa = after.search(FILE_CUE);
  if (da !== fa) return da < 0 || (fa >= 0 && fa < da);
  return !DOMAIN_FIRST.has(ext);
}
