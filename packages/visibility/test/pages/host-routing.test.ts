import { describe, expect, it } from 'vitest';
import { isPagesHost, orgFromHost, siteRewrite } from '../../../../apps/web/lib/pages-host.ts';

describe('knowledge site host routing', () => {
  it('finds the organization in a pages host, and nothing in other hosts', () => {
    expect(orgFromHost('acme-1a2b3c.pages.example.com', 'pages.example.com')).toBe('acme-1a2b3c');
    expect(orgFromHost('ACME.Pages.Example.com:443', 'pages.example.com')).toBe('acme');
    expect(orgFromHost('acme.localhost:3000', 'localhost:3000')).toBe('acme');
    expect(orgFromHost('acme.localhost:4000', 'localhost:3000')).toBeNull();
    expect(orgFromHost('pages.example.com', 'pages.example.com')).toBeNull();
    expect(orgFromHost('a.b.pages.example.com', 'pages.example.com')).toBeNull();
    expect(orgFromHost('evilpages.example.com', 'pages.example.com')).toBeNull();
    expect(orgFromHost('app.example.com', 'pages.example.com')).toBeNull();
    expect(orgFromHost('acme.pages.example.com', undefined)).toBeNull();
    // A fully qualified name (trailing dot) is the same host.
    expect(orgFromHost('acme.pages.example.com.', 'pages.example.com')).toBe('acme');
  });

  it('knows every name under the pages domain, where the app is never served', () => {
    for (const host of ['a.b.pages.example.com', 'acme.pages.example.com.', 'x_y.pages.example.com'])
      expect(isPagesHost(host, 'pages.example.com')).toBe(true);
    for (const host of ['app.example.com', 'evilpages.example.com', 'example.com'])
      expect(isPagesHost(host, 'pages.example.com')).toBe(false);
    expect(isPagesHost('acme.pages.example.com', undefined)).toBe(false);
    // The domain itself can be the app's own host (locally: localhost:3000, sites on *.localhost:3000).
    expect(isPagesHost('pages.example.com', 'pages.example.com')).toBe(false);
    expect(isPagesHost('localhost:3000', 'localhost:3000')).toBe(false);
  });

  it('maps every path of a pages host under that organization site', () => {
    const on = (path: string) => siteRewrite('acme.pages.example.com', path, 'pages.example.com');
    expect(on('/')).toBe('/p/acme');
    expect(on('/widgets')).toBe('/p/acme/widgets');
    expect(on('/widgets.md')).toBe('/p/acme/md/widgets');
    expect(on('/llms.txt')).toBe('/p/acme/llms.txt');
    expect(on('/robots.txt')).toBe('/p/acme/robots.txt');
    expect(on('/sitemap.xml')).toBe('/p/acme/sitemap.xml');
    // The app is never reachable on a pages host.
    expect(on('/settings/profile')).toBe('/p/acme/-/settings/profile');
    expect(on('/p/other/page')).toBe('/p/acme/-/p/other/page');
    expect(on('/md')).toBe('/p/acme/-');
  });

  it('serves the path fallback on the app host, rewriting only the Markdown twins', () => {
    const app = (path: string) => siteRewrite('app.example.com', path, 'pages.example.com');
    expect(app('/p/acme/widgets')).toBeNull();
    expect(app('/p/acme')).toBeNull();
    expect(app('/p/acme/llms.txt')).toBeNull();
    expect(app('/p/acme/widgets.md')).toBe('/p/acme/md/widgets');
    expect(app('/compliance')).toBeNull();
    expect(siteRewrite('localhost:3000', '/p/acme/widgets.md', undefined)).toBe('/p/acme/md/widgets');
  });
});
