import { afterEach, describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../apps/web/lib/same-origin.ts';

const headers = (values: Record<string, string>) => new Headers(values);
const saved = process.env.PAGES_DOMAIN;
afterEach(() => {
  if (saved === undefined) delete process.env.PAGES_DOMAIN;
  else process.env.PAGES_DOMAIN = saved;
});

describe('the web app CSRF rule for writes', () => {
  it('accepts only an Origin naming this host', () => {
    expect(isSameOrigin(headers({ origin: 'https://app.example.com', host: 'app.example.com' }))).toBe(true);
    expect(isSameOrigin(headers({ origin: 'https://evil.example', host: 'app.example.com' }))).toBe(false);
    expect(isSameOrigin(headers({ host: 'app.example.com' }))).toBe(false);
    expect(isSameOrigin(headers({ origin: 'null', host: 'app.example.com' }))).toBe(false);
  });

  it('accepts no write at all on a host under the pages domain', () => {
    process.env.PAGES_DOMAIN = 'pages.example.com';
    for (const host of ['acme.pages.example.com', 'a.b.pages.example.com'])
      expect(isSameOrigin(headers({ origin: `https://${host}`, host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: 'https://app.example.com', host: 'app.example.com' }))).toBe(true);
    process.env.PAGES_DOMAIN = 'localhost:3000';
    expect(isSameOrigin(headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
  });
});
