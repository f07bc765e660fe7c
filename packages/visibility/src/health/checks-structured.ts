import { asArray, isArticle, isOrganization, missingProperties, textOf, typesOf } from './jsonld.ts';
import type { CheckDefinition, PageContext } from './types.ts';

/** Lower case, letters and digits only, single spaces: for "does this text appear on the page". */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokenSimilarity(a: string, b: string): number {
  const x = new Set(normaliseForMatch(a).split(' ').filter(Boolean));
  const y = new Set(normaliseForMatch(b).split(' ').filter(Boolean));
  if (!x.size || !y.size) return 0;
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.min(x.size, y.size);
}

/** Headline and H1 agree when most words of the shorter one appear in the other. */
export const HEADLINE_SIMILARITY = 0.8;

interface Claim {
  kind: string;
  value: string;
  found: boolean;
}

/** What the JSON-LD claims that a reader should also see on the page. */
function claims(ctx: PageContext): Claim[] {
  const visible = ` ${normaliseForMatch(`${ctx.page.title ?? ''} ${ctx.page.text}`)} `;
  const onPage = (text: string) => visible.includes(` ${normaliseForMatch(text)} `);
  const h1 = ctx.page.headings.find((h) => h.level === 1)?.text ?? '';
  const out: Claim[] = [];
  for (const e of ctx.jsonLd.entities) {
    if (e.types.includes('FAQPage'))
      for (const q of asArray(e.data.mainEntity)) {
        const name = typesOf(q).includes('Question') ? textOf(q) : null;
        if (name) out.push({ kind: 'faq_question', value: name, found: onPage(name) });
      }
    if (isArticle(e) && typeof e.data.headline === 'string')
      out.push({
        kind: 'headline',
        value: e.data.headline,
        found: tokenSimilarity(e.data.headline, h1) >= HEADLINE_SIMILARITY,
      });
    if (e.types.includes('Product') && typeof e.data.name === 'string')
      out.push({ kind: 'product_name', value: e.data.name, found: onPage(e.data.name) });
    if (isOrganization(e) && typeof e.data.name === 'string')
      out.push({ kind: 'organization_name', value: e.data.name, found: onPage(e.data.name) });
  }
  return out;
}

export const structuredChecks: CheckDefinition[] = [
  {
    id: 'jsonld_present',
    category: 'structured_data',
    weight: 6,
    run: ({ jsonLd }) => ({
      passed: jsonLd.entities.length > 0,
      message: jsonLd.entities.length
        ? `JSON-LD describes ${[...new Set(jsonLd.entities.flatMap((e) => e.types))].join(', ')}.`
        : jsonLd.blocks
          ? 'JSON-LD is present but has no typed schema.org entity.'
          : 'No JSON-LD structured data.',
      details: { blocks: jsonLd.blocks, types: jsonLd.entities.map((e) => e.types) },
    }),
  },
  {
    id: 'jsonld_valid',
    category: 'structured_data',
    weight: 5,
    run: ({ jsonLd }) => ({
      applicable: jsonLd.blocks > 0,
      passed: jsonLd.errors.length === 0,
      message: jsonLd.errors.length
        ? `${jsonLd.errors.length} of ${jsonLd.blocks} JSON-LD blocks do not parse.`
        : jsonLd.blocks
          ? 'All JSON-LD blocks parse.'
          : 'No JSON-LD.',
      details: { errors: jsonLd.errors },
    }),
  },
  {
    id: 'schema_required_properties',
    category: 'structured_data',
    weight: 6,
    run: ({ jsonLd }) => {
      const judged = jsonLd.entities.map(missingProperties).filter((r) => r !== null);
      const failing = judged.filter((r) => r.missing.length > 0);
      return {
        applicable: judged.length > 0,
        passed: failing.length === 0,
        message: !judged.length
          ? 'No Organization, Article, Product, FAQPage or BreadcrumbList entity to check.'
          : failing.length
            ? `Missing required properties: ${failing.map((f) => `${f.type} (${f.missing.join(', ')})`).join('; ')}.`
            : `${judged.map((j) => j.type).join(', ')} have their required properties.`,
        details: { entities: judged },
      };
    },
  },
  {
    id: 'jsonld_matches_content',
    category: 'structured_data',
    weight: 5,
    run: (ctx) => {
      const all = claims(ctx);
      const unmatched = all.filter((c) => !c.found);
      return {
        applicable: all.length > 0,
        passed: unmatched.length === 0,
        message: !all.length
          ? 'No JSON-LD claims to compare with the page.'
          : unmatched.length
            ? `${unmatched.length} JSON-LD values are not on the page: ${unmatched.map((u) => `${u.kind} "${u.value}"`).join('; ')}.`
            : 'JSON-LD agrees with the visible content.',
        details: { claims: all },
      };
    },
  },
];
