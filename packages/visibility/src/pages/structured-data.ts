import { faqFromMarkdown } from './render/markdown.ts';
import { pageUrl, type SiteInfo } from './site.ts';

export const PAGE_TYPES = ['WebPage', 'Article'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The fields of a page the structured data is built from. */
export interface PageFields {
  slug: string;
  title: string;
  description: string;
  bodyMd: string;
  pageType: PageType;
  language: string;
  product: { name: string; description?: string } | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export type JsonLdBlock = Record<string, unknown>;

/**
 * JSON-LD built only from what the page shows: the organization named in its header, the page's
 * title and description, a Product when the page is about one, an FAQPage with exactly the
 * question headings of the body and their answers, and the breadcrumb the page displays.
 */
export function buildJsonLd(site: SiteInfo, page: PageFields): JsonLdBlock[] {
  const url = pageUrl(site, page.slug);
  const org = { '@id': `${site.baseUrl}/#organization` };
  const published = (page.publishedAt ?? page.createdAt).toISOString();
  const modified = page.updatedAt.toISOString();
  const graph: JsonLdBlock[] = [
    { '@type': 'Organization', '@id': org['@id'], name: site.orgName, url: `${site.baseUrl}/` },
    page.pageType === 'Article'
      ? {
          '@type': 'Article',
          '@id': `${url}#article`,
          headline: page.title,
          description: page.description || undefined,
          url,
          mainEntityOfPage: url,
          inLanguage: page.language,
          author: org,
          publisher: org,
          datePublished: published,
          dateModified: modified,
        }
      : {
          '@type': 'WebPage',
          '@id': `${url}#webpage`,
          name: page.title,
          description: page.description || undefined,
          url,
          inLanguage: page.language,
          publisher: org,
          datePublished: published,
          dateModified: modified,
          breadcrumb: { '@id': `${url}#breadcrumb` },
        },
  ];
  if (page.product)
    graph.push({
      '@type': 'Product',
      name: page.product.name,
      description: page.product.description || undefined,
      brand: { '@type': 'Brand', name: site.orgName },
      url,
    });
  const faq = faqFromMarkdown(page.bodyMd);
  if (faq.length)
    graph.push({
      '@type': 'FAQPage',
      '@id': `${url}#faq`,
      mainEntity: faq.map((q) => ({
        '@type': 'Question',
        name: q.question,
        acceptedAnswer: { '@type': 'Answer', text: q.answer },
      })),
    });
  graph.push({
    '@type': 'BreadcrumbList',
    '@id': `${url}#breadcrumb`,
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: site.orgName, item: `${site.baseUrl}/` },
      { '@type': 'ListItem', position: 2, name: page.title, item: url },
    ],
  });
  // Drop the undefined values so the stored JSON is what is served.
  return [JSON.parse(JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }))];
}
