import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The web app is typechecked by its own tsconfig (Next's module resolution); load it untyped here.
const load = (specifier: string): Promise<any> => import(specifier);
const { NextRequest } = await load('next/server');
const { proxy } = (await load('../../../../apps/web/proxy.ts')) as { proxy: (request: unknown) => Response };

const saved = process.env.PAGES_DOMAIN;
beforeAll(() => {
  process.env.PAGES_DOMAIN = 'pages.example.com';
});
afterAll(() => {
  if (saved === undefined) delete process.env.PAGES_DOMAIN;
  else process.env.PAGES_DOMAIN = saved;
});

const request = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
  new NextRequest(url, { method, headers: { host: new URL(url).host, ...headers } });
const rewrite = (res: Response) => res.headers.get('x-middleware-rewrite');

describe('the web app proxy on knowledge sites', () => {
  it('rewrites a pages host to the internal site routes, signed out and without a redirect to sign in', () => {
    expect(rewrite(proxy(request('http://acme.pages.example.com/widgets')))).toBe(
      'http://acme.pages.example.com/p/acme/widgets',
    );
    expect(rewrite(proxy(request('http://acme.pages.example.com/widgets.md')))).toBe(
      'http://acme.pages.example.com/p/acme/md/widgets',
    );
    expect(rewrite(proxy(request('http://acme.pages.example.com/')))).toBe(
      'http://acme.pages.example.com/p/acme',
    );
    // App paths are page slugs (or nothing) on a pages host: the app is never served there.
    expect(rewrite(proxy(request('http://acme.pages.example.com/settings')))).toBe(
      'http://acme.pages.example.com/p/acme/settings',
    );
    const app = proxy(request('http://acme.pages.example.com/settings/profile'));
    expect(rewrite(app)).toBe('http://acme.pages.example.com/p/acme/-/settings/profile');
    expect(app.headers.get('location')).toBeNull();
  });

  it('refuses writes on a pages host', () => {
    const res = proxy(
      request('http://acme.pages.example.com/widgets', 'POST', { origin: 'http://acme.pages.example.com' }),
    );
    expect(res.status).toBe(405);
  });

  it('leaves the app host alone, and the path fallback public', () => {
    const signedOut = proxy(request('http://app.example.com/compliance'));
    expect(signedOut.headers.get('location')).toMatch(/\/signin\?next=%2Fcompliance$/);
    const fallback = proxy(request('http://app.example.com/p/acme/widgets'));
    expect(fallback.headers.get('location')).toBeNull();
    expect(rewrite(fallback)).toBeNull();
    expect(rewrite(proxy(request('http://app.example.com/p/acme/widgets.md')))).toBe(
      'http://app.example.com/p/acme/md/widgets',
    );
  });
});
