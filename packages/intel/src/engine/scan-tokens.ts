import { isBase58Address, isBech32Address } from './bitcoin.ts';
import type { Collector } from './collector.ts';
import type { IndicatorType } from './types.ts';

const HEX_RE = /(?<![0-9A-Za-z_])[0-9A-Fa-f]{8,128}(?![0-9A-Za-z_])/g;
// The rest of a hash that a PDF line break cut: newline, indentation, more hex.
const HEX_CONTINUATION = /^[ \t]*\r?\n[ \t]*([0-9A-Fa-f]{4,120})(?![0-9A-Za-z_])/;
const HASH_TYPES: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
const CVE_RE = /\bCVE[-‐‑–—_ ]?((?:19|20)\d\d)[-‐‑–—_ ](\d{4,7})\b/gi;
const TECHNIQUE_RE = /(?<![\w./-])T1\d{3}(?:[./]\d{3})?(?!\w|\.\d)/g;
const TACTIC_RE = /(?<![\w./-])TA00(?:0[1-9]|[1-3]\d|4[0-3])(?!\w)/g;
const BASE58_RE = /(?<!\w)[13][1-9A-HJ-NP-Za-km-z]{25,34}(?!\w)/g;
const BECH32_RE = /(?<!\w)(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,87}(?!\w)/g;

/** A hex run of exactly a digest's length; all-digit or all-letter runs are numbers or words, not digests. */
export function scanHashes(c: Collector): void {
  const t = c.refanged.text;
  HEX_RE.lastIndex = 0;
  for (let m = HEX_RE.exec(t); m; m = HEX_RE.exec(t)) {
    let hex = m[0];
    let end = m.index + hex.length;
    if (!HASH_TYPES[hex.length] && hex.length >= 16) {
      const cont = HEX_CONTINUATION.exec(t.slice(end, end + 140));
      if (cont && HASH_TYPES[hex.length + cont[1].length]) {
        hex += cont[1];
        end += cont[0].length;
        HEX_RE.lastIndex = end;
      }
    }
    const type = HASH_TYPES[hex.length];
    if (!type || /^\d+$/.test(hex) || /^[a-f]+$/i.test(hex)) continue;
    c.add(type, hex.toLowerCase(), m.index, end);
  }
}

export function scanCves(c: Collector): void {
  const t = c.refanged.text;
  CVE_RE.lastIndex = 0;
  for (let m = CVE_RE.exec(t); m; m = CVE_RE.exec(t)) {
    if (Number(m[1]) < 1999) continue;
    c.add('cve', `CVE-${m[1]}-${m[2]}`, m.index, m.index + m[0].length);
  }
}

export function scanAttackIds(c: Collector): void {
  const t = c.refanged.text;
  TECHNIQUE_RE.lastIndex = 0;
  for (let m = TECHNIQUE_RE.exec(t); m; m = TECHNIQUE_RE.exec(t)) {
    c.add('attack_technique', m[0].replace('/', '.'), m.index, m.index + m[0].length);
  }
  TACTIC_RE.lastIndex = 0;
  for (let m = TACTIC_RE.exec(t); m; m = TACTIC_RE.exec(t)) {
    c.add('attack_tactic', m[0], m.index, m.index + m[0].length);
  }
}

/** Bitcoin addresses whose checksum holds: Base58Check (1..., 3...) and bech32/bech32m (bc1...). */
export function scanBitcoin(c: Collector): void {
  const t = c.refanged.text;
  BASE58_RE.lastIndex = 0;
  for (let m = BASE58_RE.exec(t); m; m = BASE58_RE.exec(t)) {
    if (isBase58Address(m[0])) c.add('bitcoin', m[0], m.index, m.index + m[0].length);
  }
  BECH32_RE.lastIndex = 0;
  for (let m = BECH32_RE.exec(t); m; m = BECH32_RE.exec(t)) {
    if (isBech32Address(m[0])) c.add('bitcoin', m[0].toLowerCase(), m.index, m.index + m[0].length);
  }
}
