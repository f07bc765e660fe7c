import { scorePage } from '../../src/health/score.ts';
import type { PageInput } from '../../src/health/types.ts';

export const BODY_TEXT = Array.from(
  { length: 40 },
  (_, i) => `Acme CRM keeps customer records, deals and emails together for small teams, section ${i}.`,
).join(' ');

export interface PageParts {
  lang?: string | null;
  title?: string;
  description?: string | null;
  canonical?: string | null;
  head?: string;
  jsonLd?: string[];
  body?: string;
}

const DEFAULT_JSONLD = [
  JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', name: 'Acme', url: 'https://acme.com' },
      {
        '@type': 'Article',
        headline: 'Acme CRM for small teams',
        datePublished: '2024-11-01',
        dateModified: '2025-04-01',
        author: { '@type': 'Person', name: 'Jo Smith' },
      },
      {
        '@type': 'FAQPage',
        mainEntity: [
          {
            '@type': 'Question',
            name: 'Is there a free plan?',
            acceptedAnswer: { '@type': 'Answer', text: 'Yes, for two users.' },
          },
        ],
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home', item: 'https://acme.com/' }],
      },
    ],
  }),
];

export function html(parts: PageParts = {}): string {
  const lang = parts.lang === undefined ? 'en' : parts.lang;
  const description =
    parts.description === undefined
      ? 'Acme CRM keeps contacts, deals and email in one place for teams of two to fifty people.'
      : parts.description;
  const canonical = parts.canonical === undefined ? 'https://acme.com/crm' : parts.canonical;
  const body =
    parts.body ??
    `<h1>Acme CRM for small teams</h1><h2>Is there a free plan?</h2><p>${BODY_TEXT}</p>
<img src="/shot.png" alt="Pipeline view"><img src="/divider.png" alt=""><a href="/pricing">See Acme pricing</a>`;
  return `<!doctype html><html${lang === null ? '' : ` lang="${lang}"`}><head>
<title>${parts.title ?? 'Acme CRM for small teams | Acme'}</title>
${description === null ? '' : `<meta name="description" content="${description}">`}
${canonical === null ? '' : `<link rel="canonical" href="${canonical}">`}
${parts.head ?? ''}
${(parts.jsonLd ?? DEFAULT_JSONLD).map((j) => `<script type="application/ld+json">${j}</script>`).join('\n')}
</head><body>${body}</body></html>`;
}

export function page(overrides: Partial<PageInput> = {}, parts: PageParts = {}): PageInput {
  return {
    url: 'https://acme.com/crm',
    status: 200,
    headers: { 'content-type': 'text/html' },
    html: html(parts),
    robotsTxt: 'User-agent: *\nDisallow: /admin/\n',
    llmsTxt: '# Acme\n\n> CRM for small teams.\n\n- [CRM](https://acme.com/crm.md)',
    markdownTwin: '# Acme CRM for small teams',
    fetchedAt: '2025-06-01T00:00:00Z',
    ...overrides,
  };
}

/** Scores a variant of the good page and returns one check. */
export function runCheck(id: string, overrides: Partial<PageInput> = {}, parts: PageParts = {}) {
  const found = scorePage(page(overrides, parts)).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}
