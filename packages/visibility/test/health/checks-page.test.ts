import { describe, expect, it } from 'vitest';
import { BODY_TEXT, runCheck as run } from './fixtures.ts';

describe('crawlability checks', () => {
  it('status_ok', () => {
    expect(run('status_ok').passed).toBe(true);
    expect(run('status_ok', { status: 301 }).passed).toBe(false);
  });

  it('indexable: meta robots and X-Robots-Tag', () => {
    expect(run('indexable').passed).toBe(true);
    expect(run('indexable', {}, { head: '<meta name="robots" content="noindex, follow">' }).passed).toBe(
      false,
    );
    expect(run('indexable', {}, { head: '<meta name="robots" content="index, follow">' }).passed).toBe(true);
    expect(run('indexable', { headers: { 'X-Robots-Tag': 'googlebot: noindex' } }).details).toMatchObject({
      noindex: [{ source: 'x-robots-tag', agent: 'googlebot' }],
    });
    expect(run('indexable', { headers: { 'x-robots-tag': ['nosnippet', 'none'] } }).passed).toBe(false);
  });

  it('robots_ai_crawlers', () => {
    expect(run('robots_ai_crawlers').passed).toBe(true);
    expect(run('robots_ai_crawlers', { robotsTxt: null }).passed).toBe(true);
    const blocked = run('robots_ai_crawlers', {
      robotsTxt: 'User-agent: GPTBot\nUser-agent: Google-Extended\nDisallow: /crm',
    });
    expect(blocked.passed).toBe(false);
    expect(blocked.message).toContain('GPTBot, Google-Extended');
    expect(run('robots_ai_crawlers', { robotsTxt: 'User-agent: *\nDisallow: /' }).passed).toBe(false);
  });

  it('canonical: present, single, same site, no fragment', () => {
    expect(run('canonical').details).toMatchObject({ self_referencing: true });
    expect(run('canonical', {}, { canonical: null }).passed).toBe(false);
    expect(run('canonical', {}, { canonical: 'https://other.com/crm' }).passed).toBe(false);
    expect(run('canonical', {}, { canonical: 'https://acme.com/crm#top' }).passed).toBe(false);
    const relative = run('canonical', {}, { canonical: '/crm-overview' });
    expect(relative).toMatchObject({
      passed: true,
      details: { canonical: 'https://acme.com/crm-overview', self_referencing: false },
    });
    const two = run('canonical', {}, { head: '<link rel="canonical" href="https://acme.com/other">' });
    expect(two.passed).toBe(false);
  });
});

describe('content checks', () => {
  it('single_h1', () => {
    expect(run('single_h1').passed).toBe(true);
    expect(run('single_h1', {}, { body: `<h1>A</h1><h1>B</h1><p>${BODY_TEXT}</p>` }).passed).toBe(false);
    expect(run('single_h1', {}, { body: `<h2>A</h2><p>${BODY_TEXT}</p>` }).passed).toBe(false);
  });

  it('heading_order', () => {
    expect(run('heading_order').passed).toBe(true);
    const skip = run(
      'heading_order',
      {},
      { body: `<h1>A</h1><h3>B</h3><h2>C</h2><h4>D</h4><p>${BODY_TEXT}</p>` },
    );
    expect(skip.passed).toBe(false);
    expect(skip.details.skips).toHaveLength(2);
  });

  it('title_length between 10 and 60 characters', () => {
    expect(run('title_length').passed).toBe(true);
    expect(run('title_length', {}, { title: 'Acme' }).passed).toBe(false);
    expect(run('title_length', {}, { title: 'x'.repeat(61) }).passed).toBe(false);
    expect(run('title_length', {}, { title: 'é'.repeat(60) }).passed).toBe(true);
  });

  it('meta_description between 50 and 160 characters', () => {
    expect(run('meta_description').passed).toBe(true);
    expect(run('meta_description', {}, { description: null }).passed).toBe(false);
    expect(run('meta_description', {}, { description: 'Too short.' }).passed).toBe(false);
    expect(run('meta_description', {}, { description: 'y'.repeat(161) }).passed).toBe(false);
  });

  it('word_count of at least 300 visible words, not counting scripts', () => {
    expect(run('word_count').passed).toBe(true);
    const thin = run(
      'word_count',
      {},
      { body: `<h1>A</h1><p>Short page.</p><script>${'var x = 1; '.repeat(400)}</script>` },
    );
    expect(thin).toMatchObject({ passed: false, details: { words: 3 } });
  });

  it('image_alt: a missing alt fails, an empty alt (decorative) passes', () => {
    expect(run('image_alt').passed).toBe(true);
    const missing = run(
      'image_alt',
      {},
      { body: `<h1>A</h1><p>${BODY_TEXT}</p><img src="/a.png"><img src="/b.png" alt="B">` },
    );
    expect(missing).toMatchObject({ passed: false, details: { missing_alt: ['/a.png'] } });
  });

  it('link_text: no "click here" or empty links', () => {
    expect(run('link_text').passed).toBe(true);
    expect(
      run('link_text', {}, { body: `<h1>A</h1><p>${BODY_TEXT} <a href="/x">Click here</a></p>` }).passed,
    ).toBe(false);
    expect(run('link_text', {}, { body: `<h1>A</h1><p>${BODY_TEXT} <a href="/x"></a></p>` }).passed).toBe(
      false,
    );
    expect(
      run(
        'link_text',
        {},
        { body: `<h1>A</h1><p>${BODY_TEXT} <a href="/x"><img src="i.png" alt="Acme home"></a></p>` },
      ).passed,
    ).toBe(true);
  });
});
