import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../src/storage/content-disposition.ts';
import { DEFAULT_URL_TTL_SECONDS } from '../../src/storage/port.ts';
import {
  assertValidContentType,
  assertValidKey,
  assertValidPrefix,
  resolveTtlSeconds,
} from '../../src/storage/validation.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('object keys', () => {
  it.each([
    'a',
    'orgs/5f1c/documents/9e2a/original.pdf',
    "reports/Q1-(final)!'s.csv",
    'a/b=c/d@e/f_g-h.i',
    `${'s'.repeat(200)}/x`,
    'k/'.repeat(511).concat('k'),
  ])('accepts %s', (key) => {
    expect(code(() => assertValidKey(key))).toBe('accepted');
  });

  it.each([
    ['parent segment', '../x'],
    ['nested parent segment', 'a/../../b'],
    ['current segment', 'a/./b'],
    ['absolute path', '/etc/passwd'],
    ['NUL', 'a\0b'],
    ['newline', 'a\nb'],
    ['backslash', 'a\\b'],
    ['percent escape', 'a%2e%2e'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/'],
    ['dot-file', 'a/.object'],
    ['empty', ''],
    ['space', 'a b'],
    ['non-ASCII', 'café'],
    ['over 1024 bytes', 'k'.repeat(1025)],
    ['segment over 200 bytes', `${'s'.repeat(201)}/x`],
    ['not a string', 42 as unknown as string],
  ])('refuses %s', (_label, key) => {
    expect(code(() => assertValidKey(key))).toBe('VALIDATION_ERROR');
  });

  it('accepts a trailing slash on prefixes only, never an empty prefix', () => {
    expect(code(() => assertValidPrefix('orgs/1/'))).toBe('accepted');
    expect(code(() => assertValidPrefix('orgs/1/doc'))).toBe('accepted');
    for (const bad of ['', '/', '../', 'a//', 'a/../'])
      expect(code(() => assertValidPrefix(bad))).toBe('VALIDATION_ERROR');
  });
});

describe('content types', () => {
  it.each([
    'application/pdf',
    'text/plain; charset=utf-8',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'multipart/form-data; boundary="a b"',
  ])('accepts %s', (type) => expect(code(() => assertValidContentType(type))).toBe('accepted'));
  it.each([
    '',
    'pdf',
    'text/html\r\nX-Injected: 1',
    'text/plain; charset',
    'a/b; c="d\0"',
    `a/${'b'.repeat(300)}`,
  ])('refuses %j', (type) => expect(code(() => assertValidContentType(type))).toBe('VALIDATION_ERROR'));
});

describe('URL lifetimes', () => {
  it('defaults to 15 minutes and allows 1 second to 7 days, in whole seconds', () => {
    expect(resolveTtlSeconds(undefined)).toBe(DEFAULT_URL_TTL_SECONDS);
    expect(DEFAULT_URL_TTL_SECONDS).toBe(900);
    expect(resolveTtlSeconds(1)).toBe(1);
    expect(resolveTtlSeconds(604_800)).toBe(604_800);
    for (const bad of [0, -1, 1.5, 604_801, Number.NaN]) {
      expect(code(() => resolveTtlSeconds(bad))).toBe('VALIDATION_ERROR');
    }
  });
});

describe('attachmentDisposition', () => {
  it('keeps the exact name in RFC 5987 form and a harmless ASCII fallback', () => {
    expect(attachmentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(attachmentDisposition('Ünïcode "q" 100%.txt')).toBe(
      `attachment; filename="_n_code _q_ 100_.txt"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20%22q%22%20100%25.txt`,
    );
    expect(attachmentDisposition("it's (1).txt")).toBe(
      `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });
});
