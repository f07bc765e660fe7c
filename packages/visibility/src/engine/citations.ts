import { hostWithin, registrableDomain } from './domains.ts';
import { normaliseDomain } from './forms.ts';
import type { Citation, CitationSource, TrackedBrand } from './types.ts';
import type { FoundLink } from './urls.ts';
import { normaliseUrl } from './urls.ts';

interface BrandDomain {
  brand: TrackedBrand;
  domain: string;
}

function brandDomains(brands: TrackedBrand[]): BrandDomain[] {
  return brands.flatMap((brand) => (brand.domains ?? []).map((d) => ({ brand, domain: normaliseDomain(d) })));
}

/**
 * Whose site a host is. A configured domain matches itself and its subdomains; a configured
 * subdomain (`acme.notion.site`) matches only below it. Owned beats competitor on a tie.
 */
function classify(host: string, domains: BrandDomain[]): Pick<Citation, 'class' | 'brand_id'> {
  const matches = domains
    .filter((d) => hostWithin(host, d.domain))
    .sort(
      (a, b) =>
        b.domain.length - a.domain.length || Number(b.brand.owned ?? false) - Number(a.brand.owned ?? false),
    );
  const best = matches[0];
  if (!best) return { class: 'third_party', brand_id: null };
  return { class: best.brand.owned ? 'owned' : 'competitor', brand_id: best.brand.id };
}

/**
 * Citations of one answer, deduplicated by normalised URL: the provider's annotations first, then
 * Markdown links and bare URLs in the text.
 */
export function extractCitations(
  links: FoundLink[],
  annotations: { url: string; title?: string | null }[],
  brands: TrackedBrand[],
): Citation[] {
  const domains = brandDomains(brands);
  const byUrl = new Map<string, Citation>();
  const add = (raw: string, title: string | null, source: CitationSource) => {
    const normal = normaliseUrl(raw);
    if (!normal) return;
    const existing = byUrl.get(normal.url);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      existing.title ??= title;
      return;
    }
    byUrl.set(normal.url, {
      url: normal.url,
      host: normal.host,
      domain: registrableDomain(normal.host),
      title,
      sources: [source],
      ...classify(normal.host, domains),
    });
  };
  for (const a of annotations) add(a.url, a.title?.trim() || null, 'annotation');
  for (const link of links) add(link.raw, link.title, link.source);
  return [...byUrl.values()];
}
