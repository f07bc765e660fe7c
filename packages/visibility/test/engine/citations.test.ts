import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../src/engine/domains.ts';
import { MentionExtractor } from '../../src/engine/mentions.ts';
import { normaliseUrl } from '../../src/engine/urls.ts';

describe('registrableDomain (eTLD+1)', () => {
  it.each([
    ['blog.hubspot.com', 'hubspot.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['acme.github.io', 'acme.github.io'],
    ['docs.acme.github.io', 'acme.github.io'],
    ['bucket.s3.amazonaws.com', 'bucket.s3.amazonaws.com'],
    ['github.io', 'github.io'],
    ['co.uk', 'co.uk'],
    ['example.de', 'example.de'],
    ['192.168.1.10', '192.168.1.10'],
    ['localhost', 'localhost'],
    ['EXAMPLE.COM.', 'example.com'],
  ])('%s -> %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});

describe('normaliseUrl', () => {
  it('drops fragments, tracking parameters, www and trailing slashes', () => {
    expect(normaliseUrl('https://WWW.Example.com/a/b/?utm_source=chatgpt.com&id=3#top')).toEqual({
      url: 'https://example.com/a/b?id=3',
      host: 'example.com',
    });
  });

  it('refuses non-web schemes and credentials', () => {
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('ftp://example.com/file')).toBeNull();
    expect(normaliseUrl('https://user:pw@example.com/')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
  });
});

describe('citations', () => {
  const extractor = new MentionExtractor([
    { id: 'hubspot', name: 'HubSpot', domains: ['hubspot.com'], owned: true },
    { id: 'sf', name: 'Salesforce', domains: ['www.salesforce.com'] },
    { id: 'acme', name: 'Acme Docs', domains: ['acme.github.io'] },
  ]);

  const text = `See [the HubSpot guide](https://blog.hubspot.com/sales/crm?utm_source=chatgpt.com) and
https://www.salesforce.com/crm/. Also (https://en.wikipedia.org/wiki/CRM_(software)), www.g2.com/categories/crm,
https://other.github.io/x and [docs](https://acme.github.io/start).`;

  const result = extractor.extract({
    text,
    annotations: [{ url: 'https://blog.hubspot.com/sales/crm', title: 'CRM guide' }, { url: 'mailto:x@y.z' }],
  });
  const byHost = Object.fromEntries(result.citations.map((c) => [c.host, c]));

  it('merges an annotation and a link to the same page', () => {
    const hub = result.citations.filter((c) => c.domain === 'hubspot.com');
    expect(hub).toHaveLength(1);
    expect(hub[0].sources).toEqual(['annotation', 'markdown']);
    expect(hub[0].title).toBe('CRM guide');
  });

  it('classes citations as owned, competitor or third party by the brands domains', () => {
    expect(byHost['blog.hubspot.com']).toMatchObject({ class: 'owned', brand_id: 'hubspot' });
    expect(byHost['salesforce.com']).toMatchObject({
      class: 'competitor',
      brand_id: 'sf',
      sources: ['bare_url'],
    });
    expect(byHost['en.wikipedia.org']).toMatchObject({ class: 'third_party', domain: 'wikipedia.org' });
    expect(byHost['acme.github.io']).toMatchObject({ class: 'competitor', brand_id: 'acme' });
    expect(byHost['other.github.io']).toMatchObject({ class: 'third_party', domain: 'other.github.io' });
  });

  it('finds bare URLs with and without a scheme, keeping balanced parentheses', () => {
    expect(byHost['en.wikipedia.org'].url).toBe('https://en.wikipedia.org/wiki/CRM_(software)');
    expect(byHost['g2.com'].url).toBe('https://g2.com/categories/crm');
    expect(result.citations).toHaveLength(6);
  });
});
