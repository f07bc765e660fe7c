import { describe, expect, it } from 'vitest';
import { actorId, actorKey, indicatorId, uuidv5 } from '../../src/knowledge/ids.ts';
import { expiryFor, normaliseIndicator, stricterTlp } from '../../src/knowledge/normalise.ts';

describe('indicator normalisation per type (the form that decides what merges)', () => {
  it.each([
    ['domain', 'EVIL.Example-Site[.]COM', 'evil.example-site.com'],
    ['domain', 'harbor-files(dot)net', 'harbor-files.net'],
    ['ipv4', '45.77.12[.]9', '45.77.12.9'],
    ['ipv6', '2001:0DB8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['url', 'HXXPS://Evil.COM:443/Path?q=A', 'https://evil.com/Path?q=A'],
    ['url', 'hxxp://cdn[.]harbor-files[.]net:80/a', 'http://cdn.harbor-files.net/a'],
    ['email', 'Bob[at]Evil[.]com', 'bob@evil.com'],
    ['md5', '5D41402ABC4B2A76B9719D911017C592', '5d41402abc4b2a76b9719d911017c592'],
    ['sha1', 'AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'],
    ['cve', 'cve-2023-23397', 'CVE-2023-23397'],
    ['registry_key', 'HKCU\\Software\\Run\\x', 'HKEY_CURRENT_USER\\Software\\Run\\x'],
    ['bitcoin', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'],
  ] as const)('%s %s -> %s', (type, input, expected) => {
    expect(normaliseIndicator(type, input)).toBe(expected);
  });

  it.each([
    ['ipv4', '256.1.1.1'],
    ['ipv4', '1.2.3'],
    ['md5', 'abc123'],
    ['domain', 'not a domain'],
    ['email', 'bob at evil'],
    ['cve', 'CVE-23-1'],
    ['ipv4', '10.0.0.1 and 10.0.0.2'],
  ] as const)('refuses %s %s with a field error', (type, input) => {
    expect(() => normaliseIndicator(type, input, 'body.decisions.0.value')).toThrow(/is not a valid/);
  });

  it('gives the same value the same id within an organization, and different ids across organizations', () => {
    const orgA = '0190f0b8-0000-7000-8000-000000000001';
    const orgB = '0190f0b8-0000-7000-8000-000000000002';
    const v = normaliseIndicator('domain', 'EVIL[.]com');
    expect(indicatorId(orgA, 'domain', v)).toBe(
      indicatorId(orgA, 'domain', normaliseIndicator('domain', 'evil.com')),
    );
    expect(indicatorId(orgA, 'domain', v)).not.toBe(indicatorId(orgB, 'domain', v));
    expect(indicatorId(orgA, 'domain', v)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(actorId(orgA, actorKey('g0016', 'APT29'))).toBe(actorId(orgA, actorKey('G0016', 'Cozy Bear')));
    expect(actorId(orgA, actorKey(null, ' Glass Harbor '))).toBe(
      actorId(orgA, actorKey(null, 'glass harbor')),
    );
    // RFC 9562 test vector: UUIDv5 of "www.example.com" in the DNS namespace.
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('expires by type and keeps the strictest marking', () => {
    const seen = new Date('2026-01-01T00:00:00Z');
    expect(expiryFor('ipv4', seen)?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(expiryFor('domain', seen)?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(expiryFor('sha256', seen)).toBeNull();
    expect(stricterTlp('green', 'amber')).toBe('amber');
    expect(stricterTlp('red', 'clear')).toBe('red');
  });
});
