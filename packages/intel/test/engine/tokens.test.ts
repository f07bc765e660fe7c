import { describe, expect, it } from 'vitest';
import { isBase58Address, isBech32Address } from '../../src/engine/bitcoin.ts';
import { extractIndicators } from '../../src/engine/extract.ts';
import { only, valuesOf } from './support.ts';

const SHA256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const MD5 = '5d41402abc4b2a76b9719d911017c592';
const SHA1 = 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d';
const SHA512 = `${SHA256}${SHA256.split('').reverse().join('')}`;

describe('hashes', () => {
  it('types each digest by length and lower-cases it', () => {
    const text = `MD5 ${MD5.toUpperCase()}, SHA1 ${SHA1}; SHA256: ${SHA256}\nSHA512 ${SHA512}`;
    expect(extractIndicators(text).map((i) => [i.type, i.value])).toEqual([
      ['md5', MD5],
      ['sha1', SHA1],
      ['sha256', SHA256],
      ['sha512', SHA512],
    ]);
  });

  it.each([
    [`inside a longer hex run ${SHA256}ff`],
    [`prefixed 0x${MD5}`],
    [`part of a word x${MD5}`],
    ['all digits 12345678901234567890123456789012'],
    ['all letters abcdefabcdefabcdefabcdefabcdefab'],
    ['48 hex 0123456789abcdef0123456789abcdef0123456789abcdef'],
  ])('ignores %s', (text) => {
    expect(
      extractIndicators(text).filter((i) => ['md5', 'sha1', 'sha256', 'sha512'].includes(i.type)),
    ).toEqual([]);
  });

  it('joins a hash that a PDF line break cut in two', () => {
    const text = `(SHA-256:\n${SHA256.slice(0, 38)}\n${SHA256.slice(38)}).`;
    const h = only(text, 'sha256');
    expect(h.value).toBe(SHA256);
    expect(text.slice(h.start, h.end)).toBe(h.raw);
    expect(h.raw).toContain('\n');
  });

  it('warns about the hash of an empty file', () => {
    expect(
      only('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256').warnings,
    ).toEqual(['hash of an empty file']);
  });
});

describe('cve', () => {
  it('normalises spelling and case', () => {
    expect(valuesOf('cve-2021-44228, CVE 2021 45046, CVE‑2017‑11882 and CVE_2023_4966', 'cve')).toEqual([
      'CVE-2021-44228',
      'CVE-2021-45046',
      'CVE-2017-11882',
      'CVE-2023-4966',
    ]);
  });

  it('ignores malformed IDs', () => {
    expect(valuesOf('CVE-21-4422 and CVE-1899-12345 and CVE-2021-123', 'cve')).toEqual([]);
  });
});

describe('ATT&CK IDs', () => {
  it('finds techniques, sub-techniques and tactics by shape', () => {
    const text = 'T1059.001 (PowerShell), T1566, T1059/003, tactics TA0002 and TA0043.';
    expect(valuesOf(text, 'attack_technique')).toEqual(['T1059.001', 'T1566', 'T1059.003']);
    expect(valuesOf(text, 'attack_tactic')).toEqual(['TA0002', 'TA0043']);
  });

  it('ignores IDs of the wrong shape or range', () => {
    expect(valuesOf('T9999, t1059, XT1059, T10591, TA0044, TA0000', 'attack_technique')).toEqual([]);
    expect(valuesOf('TA0044 TA0000 TA01', 'attack_tactic')).toEqual([]);
  });
});

describe('bitcoin', () => {
  const P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
  const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
  const BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
  const BECH32_UPPER = 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4';
  const TAPROOT = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';

  it('verifies Base58Check and bech32/bech32m checksums', () => {
    expect([P2PKH, P2SH].map(isBase58Address)).toEqual([true, true]);
    expect([BECH32, BECH32_UPPER, TAPROOT].map(isBech32Address)).toEqual([true, true, true]);
    expect(isBase58Address(`${P2PKH.slice(0, -1)}3`)).toBe(false);
    expect(isBech32Address(`${BECH32.slice(0, -1)}p`)).toBe(false);
    expect(isBech32Address('bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe(false);
  });

  it('extracts only valid addresses, bech32 in lower case', () => {
    const text = `pay ${P2PKH} or ${BECH32_UPPER}; typo ${P2PKH.slice(0, -1)}3 and ${TAPROOT}.`;
    expect(valuesOf(text, 'bitcoin')).toEqual([P2PKH, BECH32_UPPER.toLowerCase(), TAPROOT]);
  });
});
