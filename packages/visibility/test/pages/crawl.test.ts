import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler } from '../../src/pages/crawl/crawler.ts';
import { extractReadable } from '../../src/pages/crawl/readable.ts';
import { PRODUCT_PAGE, type SiteServer, startSite } from './site-server.ts';

let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => site?.close());

describe('readable content', () => {
  it('reads main content, Q&A pairs and lists, and skips navigation, footer and scripts', () => {
    const content = extractReadable(PRODUCT_PAGE);
    expect(content.title).toBe('Acme Widgets - industrial widgets');
    expect(content.description).toMatch(/^Acme Widgets makes durable/);
    expect(content.lang).toBe('en');
    const text = JSON.stringify(content.blocks);
    expect(text).not.toMatch(/Pricing|Cookie|tracking/);
    expect(content.blocks).toContainEqual({ kind: 'heading', level: 1, text: 'Acme Widgets' });
    expect(content.blocks).toContainEqual({
      kind: 'list',
      items: ['Stainless steel body', 'Ten year warranty'],
    });
    expect(content.blocks.filter((b) => b.kind === 'qa')).toEqual([
      {
        kind: 'qa',
        question: 'How long does delivery take?',
        answer: 'Orders ship within five working days from our warehouse in Rotterdam.',
      },
      {
        kind: 'qa',
        question: 'Do you ship to Asia?',
        answer: 'Yes, Acme ships to Japan, Korea and Singapore.',
      },
    ]);
  });
});

describe('crawler', () => {
  const crawler = () => new Crawler({ allowPrivate: true, timeoutMs: 1500, maxBytes: 1024 * 1024 });

  it('fetches a page with our user agent after reading robots.txt', async () => {
    const result = await crawler().crawl(`${site.url}/widgets`);
    expect(result.status).toBe('fetched');
    expect(site.hits).toContainEqual(expect.stringMatching(/^\/robots\.txt AssayBot\//));
    expect(site.hits).toContainEqual(expect.stringMatching(/^\/widgets AssayBot\//));
  });

  it('obeys a robots.txt disallow for its own token, without fetching the page', async () => {
    const before = site.hits.length;
    const result = await crawler().crawl(`${site.url}/private/secret`);
    expect(result).toMatchObject({
      status: 'blocked',
      error: expect.stringMatching(/robots\.txt disallows AssayBot/),
    });
    expect(site.hits.slice(before).some((h) => h.startsWith('/private'))).toBe(false);
  });

  it('follows redirects, obeying robots.txt at every hop', async () => {
    const before = site.hits.length;
    expect(await crawler().crawl(`${site.url}/renamed`)).toMatchObject({ status: 'fetched' });
    const result = await crawler().crawl(`${site.url}/moved`);
    expect(result).toMatchObject({
      status: 'blocked',
      error: expect.stringMatching(/disallows AssayBot from \/private\/secret/),
    });
    expect(site.hits.slice(before).some((h) => h.startsWith('/private'))).toBe(false);
  });

  it('gives up on a page that does not finish in time', async () => {
    const result = await crawler().crawl(`${site.url}/slow`);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/within 1500 ms/) });
  });

  it('refuses a page larger than the size limit', async () => {
    const result = await crawler().crawl(`${site.url}/huge`);
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/larger than/) });
  });

  it('reads only web pages', async () => {
    expect(await crawler().crawl(`${site.url}/file.pdf`)).toMatchObject({
      status: 'failed',
      error: 'Not a web page (application/pdf)',
    });
    expect(await crawler().crawl(`${site.url}/missing`)).toMatchObject({ status: 'failed', httpStatus: 404 });
  });

  it('refuses loopback and private addresses unless the operator allows them', async () => {
    const strict = new Crawler({ allowPrivate: false, timeoutMs: 1500 });
    const before = site.hits.length;
    expect(await strict.crawl(`${site.url}/widgets`)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/private, loopback or reserved/),
    });
    expect(await strict.crawl('http://10.0.0.1/')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/private, loopback or reserved/),
    });
    expect(site.hits.length).toBe(before);
  });

  it('does not crawl a site whose robots.txt answers a server error', async () => {
    const broken = await startSite({ robots: 503 });
    try {
      const result = await new Crawler({ allowPrivate: true, timeoutMs: 1500 }).crawl(
        `${broken.url}/widgets`,
      );
      expect(result).toMatchObject({
        status: 'blocked',
        error: expect.stringMatching(/robots\.txt of 127\.0\.0\.1:\d+ could not be read/),
      });
    } finally {
      await broken.close();
    }
  });
});
