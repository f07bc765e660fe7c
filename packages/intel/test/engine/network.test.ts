import { describe, expect, it } from 'vitest';
import { only, valuesOf } from './support.ts';

describe('ipv4', () => {
  it.each([
    ['C2 at 45.77.12.9 on 443', '45.77.12.9'],
    ['beacon to 185.225.69[.]31:8443', '185.225.69.31'],
    ['range 141.98.10.0/24', '141.98.10.0'],
    ['padded 010.001.002.003', '10.1.2.3'],
    ['(91.92.241.103)', '91.92.241.103'],
  ])('finds it in %s', (text, value) => {
    expect(valuesOf(text, 'ipv4')).toEqual([value]);
  });

  it.each([
    'version 1.2.3.4 fixed it',
    'agent v2.4.1.3 started',
    'build number 1.0.0.27',
    'the kernel is 4.19.0.17',
    'ASA 9.16.4.42 or earlier',
    'Confluence 7.18.0 and 8.0.0.1',
    'see Figures 2.1.3 and 3.2.1.4',
    'out of range 256.1.1.1 and 1.2.3.999',
    'OID 1.3.6.1.4.1.311',
    'date 12.10.2023 and 2024.03.11',
  ])('ignores %s', (text) => {
    expect(valuesOf(text, 'ipv4')).toEqual([]);
  });
});

describe('ipv6', () => {
  it.each([
    ['relay 2001:0db8:0000:0000:0000:ff00:0042:8329 seen', '2001:db8::ff00:42:8329'],
    ['C2 2A0E:97C0:03E3:02EC:0:0:0:1.', '2a0e:97c0:3e3:2ec::1'],
    ['listener [2a0e:97c0:3e3:2ec::22]:9001', '2a0e:97c0:3e3:2ec::22'],
    ['mapped ::ffff:87.121.112.16 too', '::ffff:87.121.112.16'],
    ['loopback ::1 only', '::1'],
    ['zeros 2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
  ])('normalises %s', (text, value) => {
    expect(valuesOf(text, 'ipv6')).toEqual([value]);
  });

  it.each(['at 12:30:45 UTC', 'MAC 00:1a:2b:3c:4d:5e', 'std::vector', 'a::b::c', '2024-01-15T10:22:33Z'])(
    'ignores %s',
    (text) => {
      expect(valuesOf(text, 'ipv6')).toEqual([]);
    },
  );
});

describe('domain', () => {
  it.each([
    ['C2 domain api.weather-feeds[.]org today', 'api.weather-feeds.org'],
    [
      'leak site lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion',
      'lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion',
    ],
    ['Evil-Domain.com resolved', 'evil-domain.com'],
    ['C2: UPDATE.EVIL-CDN.COM', 'update.evil-cdn.com'],
    ['see evil.com.Then it ran', 'evil.com'],
    ['punycode xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['the C2 domain mail-check.zip resolved', 'mail-check.zip'],
    ['defanged unknown TLD evil[.]notatld', 'evil.notatld'],
  ])('finds it in %s', (text, value) => {
    expect(valuesOf(text, 'domain')).toEqual([value]);
  });

  it.each([
    'dropped update.exe and invoice.pdf',
    'the archive update.zip was opened',
    'running setup.py and install.sh',
    'System.IO and System.Net.Http',
    'built on ASP.NET and Node.js',
    'e.g. this, i.e. that, etc.',
    'call document.write(x)',
    'an unknown TLD evil.notatld',
  ])('ignores %s', (text) => {
    expect(valuesOf(text, 'domain')).toEqual([]);
  });

  it('reads a defanged name with a file-like TLD as a domain', () => {
    expect(valuesOf('visit example-files[.]zip now', 'domain')).toEqual(['example-files.zip']);
  });
});

describe('url', () => {
  it.each([
    ['get HXXPS://Evil.COM:443/Path/A?x=1.', 'https://evil.com/Path/A?x=1'],
    ['from hxxp://1.2.3[.]4:80/a', 'http://1.2.3.4/a'],
    ['to http://evil.com:8080/x)', 'http://evil.com:8080/x'],
    ['(see https://en.wikipedia.org/wiki/Foo_(bar))', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    [`payload $\u007Bjndi:ldap://log4j.evil.xyz:1389/a}`, 'ldap://log4j.evil.xyz:1389/a'],
    ['no scheme evil[.]com/gate.php here', 'evil.com/gate.php'],
    ['wrapped hxxp://evil[.]com/check.php?uid=\n7781 end', 'http://evil.com/check.php?uid=7781'],
    ['csv hxxps://evil.com/a.js,url,2024-03-03,2024-03-04,90', 'https://evil.com/a.js'],
  ])('canonicalises %s', (text, value) => {
    expect(valuesOf(text, 'url')).toEqual([value]);
  });

  it('does not report the host of a URL again as a domain or IP', () => {
    expect(valuesOf('hxxp://evil[.]com/a and http://5.6.7.8/b', 'domain')).toEqual([]);
    expect(valuesOf('hxxp://evil[.]com/a and http://5.6.7.8/b', 'ipv4')).toEqual([]);
  });

  it('keeps a CIDR as an address, not a URL', () => {
    expect(valuesOf('block 10.0.0.0/8', 'url')).toEqual([]);
  });
});

describe('email', () => {
  it('finds and lower-cases addresses, defanged or not', () => {
    expect(valuesOf('From: Billing@Accounts-Payable.com, hr.recruit[at]naver-corp[.]co', 'email')).toEqual([
      'billing@accounts-payable.com',
      'hr.recruit@naver-corp.co',
    ]);
  });

  it('ignores handles and addresses without a real TLD', () => {
    expect(valuesOf('thanks @h4ckerm4n and user@localhost and a@b.notatld', 'email')).toEqual([]);
  });

  it('keeps its position in the original text', () => {
    const text = 'write to admin[at]evil[.]ru now';
    const e = only(text, 'email');
    expect(e.raw).toBe('admin[at]evil[.]ru');
    expect(e.start).toBe(9);
  });
});
