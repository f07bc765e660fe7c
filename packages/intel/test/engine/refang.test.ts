import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/engine/extract.ts';
import { refang, refangText } from '../../src/engine/refang.ts';

describe('refang', () => {
  it.each([
    ['hxxp://evil.com/a', 'http://evil.com/a'],
    ['hXXps://evil.com/a', 'https://evil.com/a'],
    ['hxtps://evil.com', 'https://evil.com'],
    ['fxp://files.evil.net/x', 'ftp://files.evil.net/x'],
    ['evil[.]com', 'evil.com'],
    ['evil(.)com', 'evil.com'],
    ['evil{.}com', 'evil.com'],
    ['evil[dot]com', 'evil.com'],
    ['evil(dot)com', 'evil.com'],
    ['evil [.] com', 'evil.com'],
    ['evil dot com', 'evil.com'],
    ['user[at]evil.com', 'user@evil.com'],
    ['user(at)evil.com', 'user@evil.com'],
    ['user[@]evil.com', 'user@evil.com'],
    ['http[:]//evil.com', 'http://evil.com'],
    ['http[://]evil.com', 'http://evil.com'],
    ['http:\\/\\/evil.com\\/a', 'http://evil.com/a'],
    ['http://evil.com[/]a', 'http://evil.com/a'],
    ['evil\\.com', 'evil.com'],
    ['evil\u200b.com', 'evil.com'],
    ['e\u200dvil\ufeff.com', 'evil.com'],
    ['evil\uff0ecom', 'evil.com'],
    ['evil\u3002com', 'evil.com'],
    ['\uff45\uff56\uff49\uff4c.com', 'evil.com'],
    ['evil\u3010.\u3011com', 'evil.com'],
  ])('%s -> %s', (defanged, clean) => {
    expect(refangText(defanged)).toBe(clean);
  });

  it('leaves ordinary prose alone', () => {
    const prose = 'Connect the dot and the line. We met at noon (at the office). Price: $5.00 [1].';
    expect(refangText(prose)).toBe(prose);
  });

  it('only reads a spoken " dot " between a label and a TLD', () => {
    expect(refangText('a polka dot dress')).toBe('a polka dot dress');
    expect(refangText('the dot com bubble')).toBe('the dot com bubble');
  });

  it('maps refanged ranges back to the original text', () => {
    const original = 'see hxxps://evil[.]com/a and x\u200by[.]net';
    const r = refang(original);
    const url = r.text.indexOf('https://evil.com/a');
    const back = r.toOriginal(url, url + 'https://evil.com/a'.length);
    expect(original.slice(back.start, back.end)).toBe('hxxps://evil[.]com/a');
    const domain = r.text.indexOf('xy.net');
    const d = r.toOriginal(domain, domain + 6);
    expect(original.slice(d.start, d.end)).toBe('x\u200by[.]net');
    expect(r.defanged(domain, domain + 6)).toBe(true);
    expect(r.defanged(0, 3)).toBe(false);
  });

  it('gives every extracted indicator its original text and position', () => {
    const text =
      'C2: hXXps://cdn-upd\u200bate[.]com/x?id=1, 45.77.12(.)9 and admin[at]bad-mail[dot]ru; ' +
      'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 in dropper\uff0eexe.';
    const found = extractIndicators(text);
    expect(found.map((i) => i.type)).toEqual(['url', 'ipv4', 'email', 'sha256', 'file']);
    for (const i of found) expect(text.slice(i.start, i.end)).toBe(i.raw);
    expect(found.map((i) => i.raw)).toEqual([
      'hXXps://cdn-upd\u200bate[.]com/x?id=1',
      '45.77.12(.)9',
      'admin[at]bad-mail[dot]ru',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'dropper\uff0eexe',
    ]);
    expect(found.map((i) => i.defanged)).toEqual([true, true, true, false, true]);
    expect(found[0].value).toBe('https://cdn-update.com/x?id=1');
  });
});
