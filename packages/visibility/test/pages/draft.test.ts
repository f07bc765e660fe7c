import { describe, expect, it } from 'vitest';
import { scorePage } from '../../src/health/score.ts';
import { extractReadable } from '../../src/pages/crawl/readable.ts';
import { draftBaseline } from '../../src/pages/draft/baseline.ts';
import { jsonLdProblems } from '../../src/pages/jsonld-validate.ts';
import { scoreKnowledgePage } from '../../src/pages/page-health.ts';
import { renderMarkdownTwin, renderPageDocument } from '../../src/pages/render/document.ts';
import { faqFromMarkdown, renderMarkdown } from '../../src/pages/render/markdown.ts';
import { buildLlmsTxt, siteBaseUrl } from '../../src/pages/site.ts';
import { buildJsonLd, type PageFields } from '../../src/pages/structured-data.ts';
import { ABOUT_PAGE, PRODUCT_PAGE } from './site-server.ts';

const site = { orgSlug: 'acme-1a2b3c', orgName: 'Acme', baseUrl: 'https://acme-1a2b3c.pages.example.com' };
const at = new Date('2026-05-01T10:00:00Z');

function pageFrom(
  draft: { title: string; description: string; bodyMd: string },
  extra: Partial<PageFields> = {},
): PageFields {
  return {
    slug: 'widgets',
    pageType: 'WebPage',
    language: 'en',
    product: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
    ...draft,
    ...extra,
  };
}

const sources = [
  { url: 'https://acme.example/widgets', content: extractReadable(PRODUCT_PAGE) },
  { url: 'https://acme.example/about', content: extractReadable(ABOUT_PAGE) },
];

describe('extractive draft', () => {
  const draft = draftBaseline(sources, {});

  it('takes its title and description from the sources and says it is the baseline', () => {
    expect(draft).toMatchObject({ method: 'baseline', title: 'Acme Widgets' });
    expect(draft.description).toMatch(/^Acme Widgets makes durable industrial widgets/);
  });

  it('keeps the sources own sections, lists, visible Q&A and a list of sources', () => {
    expect(draft.bodyMd).toContain('## Materials');
    expect(draft.bodyMd).toContain('- Stainless steel body');
    expect(draft.bodyMd).toContain(
      '### Do you ship to Asia?\n\nYes, Acme ships to Japan, Korea and Singapore.',
    );
    expect(draft.bodyMd).toContain('- [About Acme](https://acme.example/about)');
    expect(draft.bodyMd).not.toMatch(/^# /m);
    expect(faqFromMarkdown(draft.bodyMd).map((q) => q.question)).toEqual([
      'How long does delivery take?',
      'Do you ship to Asia?',
      "Who are Acme's customers?",
    ]);
  });

  it('builds JSON-LD that agrees with the visible page, and the page scores well', () => {
    const page = pageFrom(draft, { product: { name: 'Acme Widgets' } });
    const jsonLd = buildJsonLd(site, page);
    const graph = (jsonLd[0]['@graph'] as { '@type': string }[]).map((e) => e['@type']);
    expect(graph).toEqual(['Organization', 'WebPage', 'Product', 'FAQPage', 'BreadcrumbList']);
    expect(jsonLdProblems(site, page, jsonLd)).toEqual([]);
    const report = scoreKnowledgePage(site, page, jsonLd, [], at);
    const failed = report.checks.filter((c) => c.applicable && !c.passed).map((c) => c.id);
    expect(failed.filter((id) => id !== 'word_count')).toEqual([]);
    expect(report.categories.structured_data.score).toBe(100);
    expect(report.categories.llm_readiness.score).toBe(100);
  });

  it('leaves FAQPage out when the body has no questions', () => {
    const jsonLd = buildJsonLd(
      site,
      pageFrom({ title: 'T', description: '', bodyMd: '## Plain\n\nNo questions here.' }),
    );
    expect(JSON.stringify(jsonLd)).not.toContain('FAQPage');
  });
});

describe('custom JSON-LD', () => {
  const page = pageFrom({
    title: 'Acme Widgets',
    description: '',
    bodyMd: '## Delivery\n\n### Do you ship to Asia?\n\nYes, to Japan.\n',
  });
  const faq = (question: string, answer: string) => [
    {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [
        { '@type': 'Question', name: question, acceptedAnswer: { '@type': 'Answer', text: answer } },
      ],
    },
  ];

  it('accepts an FAQ that is on the page', () => {
    expect(jsonLdProblems(site, page, faq('Do you ship to Asia?', 'Yes, to Japan.'))).toEqual([]);
  });
  it('refuses an FAQ question the page does not show, or a different answer', () => {
    expect(
      jsonLdProblems(site, page, faq('Is it free?', 'Yes.'))
        .map((p) => p.message)
        .join(' '),
    ).toMatch(/not on the page|not a question heading/);
    expect(jsonLdProblems(site, page, faq('Do you ship to Asia?', 'No, never.'))[0].message).toMatch(
      /differs from the answer/,
    );
  });
  it('refuses missing required properties and other vocabularies', () => {
    expect(
      jsonLdProblems(site, page, [
        { '@context': 'https://schema.org', '@type': 'Article', headline: 'Acme Widgets' },
      ])[0].message,
    ).toMatch(/datePublished/);
    expect(
      jsonLdProblems(site, page, [{ '@context': 'https://example.org/vocab', '@type': 'Thing' }])[0],
    ).toMatchObject({ field: 'json_ld.0.@context' });
  });
});

describe('rendering', () => {
  it('escapes HTML and unsafe links in the body', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.example/?q=1&b=2) **bold**',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://a.example/?q=1&amp;b=2">ok</a>');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('serves JSON-LD that cannot close its script element, with canonical and Markdown links', () => {
    const page = pageFrom({ title: 'A </script><b>x', description: 'd', bodyMd: 'Body.' });
    const doc = renderPageDocument({ site, page, jsonLd: buildJsonLd(site, page) });
    expect(doc.match(/<\/script>/g)).toHaveLength(1);
    expect(doc).toContain('<link rel="canonical" href="https://acme-1a2b3c.pages.example.com/widgets">');
    expect(doc).toContain(
      '<link rel="alternate" type="text/markdown" href="https://acme-1a2b3c.pages.example.com/widgets.md">',
    );
    expect(
      scorePage({
        url: 'https://acme-1a2b3c.pages.example.com/widgets',
        status: 200,
        headers: {},
        html: doc,
        fetchedAt: at,
      }).checks.find((c) => c.id === 'jsonld_valid')?.passed,
    ).toBe(true);
    expect(renderMarkdownTwin(page)).toMatch(/^# A <\/script><b>x\n\n> d\n\nBody\./);
  });

  it('builds llms.txt and site URLs for subdomains and the path fallback', () => {
    expect(
      siteBaseUrl('acme', { PAGES_DOMAIN: 'pages.example.com', publicWebUrl: 'https://app.example.com' }),
    ).toBe('https://acme.pages.example.com');
    expect(siteBaseUrl('acme', { PAGES_DOMAIN: 'localhost:3000', publicWebUrl: 'http://x' })).toBe(
      'http://acme.localhost:3000',
    );
    expect(siteBaseUrl('acme', { publicWebUrl: 'http://localhost:3000/' })).toBe(
      'http://localhost:3000/p/acme',
    );
    const txt = buildLlmsTxt(site, [
      { slug: 'widgets', title: 'Acme Widgets', description: 'Durable.', updatedAt: at },
    ]);
    expect(txt).toBe(
      '# Acme\n\n> Knowledge pages published by Acme.\n\n## Pages\n\n- [Acme Widgets](https://acme-1a2b3c.pages.example.com/widgets.md): Durable.\n',
    );
  });
});
