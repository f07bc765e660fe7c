import { describe, expect, it } from 'vitest';
import { extractIndicators, indicatorKey } from '../../src/engine/extract.ts';
import { only } from './support.ts';

describe('warnings', () => {
  it.each([
    ['192.0.2.15', 'ipv4', 'documentation range (RFC 5737)'],
    ['198.51.100.7', 'ipv4', 'documentation range (RFC 5737)'],
    ['203.0.113.200', 'ipv4', 'documentation range (RFC 5737)'],
    ['10.20.30.40', 'ipv4', 'private address (RFC 1918)'],
    ['172.20.1.1', 'ipv4', 'private address (RFC 1918)'],
    ['127.0.0.1', 'ipv4', 'loopback address'],
    ['2001:db8::1', 'ipv6', 'documentation range (RFC 3849)'],
    ['fd12:3456::1', 'ipv6', 'unique local address (RFC 4193)'],
    ['payload.example.com', 'domain', 'example domain (RFC 2606)'],
    ['staging.corp.test', 'domain', 'special-use name (.test)'],
    ['printer.local', 'domain', 'special-use name (.local)'],
    ['login.microsoftonline.com', 'domain', 'popular legitimate service'],
  ] as const)('%s gets "%s"', (text, type, warning) => {
    expect(only(`seen ${text} today`, type).warnings).toContain(warning);
  });

  it('flags well-known resolvers', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '9.9.9.9']) {
      expect(only(`dns ${ip}`, 'ipv4').warnings).toEqual(['well-known public DNS resolver']);
    }
  });

  it("flags the publisher's own domains, subdomains, emails and URLs", () => {
    const text = 'Contact research@northwind.io, see blog.northwind.io and https://northwind.io/report.';
    const found = extractIndicators(text, { publisherDomains: ['www.northwind.io'] });
    expect(found.map((i) => i.type)).toEqual(['email', 'domain', 'url']);
    for (const i of found) expect(i.warnings).toContain("the publisher's own domain");
  });

  it('marks instead of dropping, and lowers confidence', () => {
    const [doc, real] = extractIndicators('C2 at 192.0.2.1 and 185.225.69.31');
    expect(doc.value).toBe('192.0.2.1');
    expect(doc.confidence).toBeLessThan(real.confidence);
    expect(real.warnings).toEqual([]);
    expect(only('C2 185.225.69[.]31', 'ipv4').confidence).toBeGreaterThan(real.confidence);
  });

  it('leaves ordinary infrastructure alone', () => {
    expect(only('C2 evil-updates.net', 'domain').warnings).toEqual([]);
    expect(only('onion site abcdefghijklmnop.onion', 'domain').warnings).toEqual([]);
  });
});

describe('sentences and keys', () => {
  it('gives each indicator its sentence, table row or list line', () => {
    const text =
      'Intro line.\n- C2: 185.225.69[.]31\n| evil.com | C2 |\nThe dropper wrote a.exe. Then it slept.';
    const found = extractIndicators(text);
    expect(found.map((i) => i.sentence)).toEqual([
      '- C2: 185.225.69[.]31',
      '| evil.com | C2 |',
      'The dropper wrote a.exe.',
    ]);
  });

  it('joins a sentence wrapped across PDF lines', () => {
    const text =
      'The second stage payload was delivered as a DLL named msvcr_update.dll\nand registered with regsvr32.';
    expect(only(text, 'file').sentence).toBe(
      'The second stage payload was delivered as a DLL named msvcr_update.dll and registered with regsvr32.',
    );
  });

  it('makes case-insensitive keys except where case matters', () => {
    expect(indicatorKey('domain', 'Evil.COM')).toBe('domain:evil.com');
    expect(indicatorKey('sha256', 'ABCD')).toBe('sha256:abcd');
    expect(indicatorKey('mutex', 'Global\\AbC')).toBe('mutex:Global\\AbC');
    expect(indicatorKey('bitcoin', '1BvBMSEY')).toBe('bitcoin:1BvBMSEY');
  });
});
