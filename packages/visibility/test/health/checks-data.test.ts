import { describe, expect, it } from 'vitest';
import { html, runCheck as run } from './fixtures.ts';

const article = (fields: Record<string, unknown>) =>
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', ...fields });
const goodArticle = { headline: 'Acme CRM for small teams', datePublished: '2025-01-01', author: 'Jo' };

describe('structured data checks', () => {
  it('jsonld_present and jsonld_valid', () => {
    expect(run('jsonld_present').passed).toBe(true);
    expect(run('jsonld_present', {}, { jsonLd: [] }).passed).toBe(false);
    expect(run('jsonld_valid', {}, { jsonLd: [] }).applicable).toBe(false);
    const broken = run('jsonld_valid', {}, { jsonLd: ['{"@type": "Article",'] });
    expect(broken.passed).toBe(false);
    expect(run('jsonld_valid', {}, { jsonLd: [`<!--${article(goodArticle)}-->`] }).passed).toBe(true);
  });

  it('schema_required_properties per type', () => {
    expect(run('schema_required_properties').passed).toBe(true);
    const noAuthor = run(
      'schema_required_properties',
      {},
      { jsonLd: [article({ headline: 'Acme CRM for small teams', datePublished: '2025-01-01' })] },
    );
    expect(noAuthor.message).toContain('Article (author)');
    const org = JSON.stringify({ '@context': 'https://schema.org', '@type': ['Organization'], name: 'Acme' });
    expect(run('schema_required_properties', {}, { jsonLd: [org] }).message).toContain('Organization (url)');
    const faq = JSON.stringify({ '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'Q?' }] });
    expect(run('schema_required_properties', {}, { jsonLd: [faq] }).message).toContain('acceptedAnswer.text');
    const crumbs = JSON.stringify({ '@type': 'BreadcrumbList', itemListElement: [] });
    expect(run('schema_required_properties', {}, { jsonLd: [crumbs] }).passed).toBe(false);
    const product = JSON.stringify({ '@type': 'schema:Product', name: 'Acme CRM' });
    expect(run('schema_required_properties', {}, { jsonLd: [product] }).passed).toBe(true);
    expect(
      run('schema_required_properties', {}, { jsonLd: [JSON.stringify({ '@type': 'WebPage' })] }).applicable,
    ).toBe(false);
  });

  it('jsonld_matches_content: FAQ questions on the page, headline close to the H1', () => {
    expect(run('jsonld_matches_content').passed).toBe(true);
    const faq = JSON.stringify({
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'Can I cancel anytime?', acceptedAnswer: { text: 'Yes.' } }],
    });
    const hidden = run('jsonld_matches_content', {}, { jsonLd: [faq] });
    expect(hidden.passed).toBe(false);
    expect(hidden.message).toContain('Can I cancel anytime?');
    const otherHeadline = run(
      'jsonld_matches_content',
      {},
      { jsonLd: [article({ ...goodArticle, headline: 'Ten facts about penguins' })] },
    );
    expect(otherHeadline.passed).toBe(false);
    const closeHeadline = run(
      'jsonld_matches_content',
      {},
      { jsonLd: [article({ ...goodArticle, headline: 'Acme CRM for Small Teams!' })] },
    );
    expect(closeHeadline.passed).toBe(true);
  });
});

describe('LLM readiness checks', () => {
  it('llms_txt present and starting with a title', () => {
    expect(run('llms_txt').passed).toBe(true);
    expect(run('llms_txt', { llmsTxt: null }).passed).toBe(false);
    expect(run('llms_txt', { llmsTxt: '<html>Not found</html>' }).passed).toBe(false);
  });

  it('markdown_twin fetched or linked', () => {
    expect(run('markdown_twin').passed).toBe(true);
    expect(run('markdown_twin', { markdownTwin: null }).passed).toBe(false);
    const linked = run(
      'markdown_twin',
      { markdownTwin: null },
      { head: '<link rel="alternate" type="text/markdown" href="/crm.md">' },
    );
    expect(linked.passed).toBe(true);
  });

  it('lang_attribute', () => {
    expect(run('lang_attribute').passed).toBe(true);
    expect(run('lang_attribute', {}, { lang: 'en-GB' }).passed).toBe(true);
    expect(run('lang_attribute', {}, { lang: null }).passed).toBe(false);
    expect(run('lang_attribute', {}, { lang: 'english please' }).passed).toBe(false);
  });

  it('freshness within 12 months of the fetch', () => {
    expect(run('freshness').details).toMatchObject({ source: 'json-ld dateModified' });
    const stale = { jsonLd: [article({ ...goodArticle, dateModified: '2024-05-31' })] };
    expect(run('freshness', {}, stale).passed).toBe(false);
    expect(
      run('freshness', {}, { jsonLd: [article({ ...goodArticle, dateModified: '2024-06-02' })] }).passed,
    ).toBe(true);
    expect(
      run('freshness', {}, { jsonLd: [article({ ...goodArticle, dateModified: '2026-01-01' })] }).passed,
    ).toBe(false);
    const header = run(
      'freshness',
      { headers: { 'Last-Modified': 'Mon, 05 May 2025 10:00:00 GMT' } },
      { jsonLd: [] },
    );
    expect(header).toMatchObject({ passed: true, details: { source: 'Last-Modified header' } });
    const meta = run(
      'freshness',
      {},
      { jsonLd: [], head: '<meta property="article:modified_time" content="2023-01-01T00:00:00Z">' },
    );
    expect(meta.passed).toBe(false);
    expect(run('freshness', {}, { jsonLd: [] }).passed).toBe(false);
  });
});

it('the fixture really is HTML with the parts under test', () => {
  expect(html()).toContain('<h1>Acme CRM for small teams</h1>');
});
