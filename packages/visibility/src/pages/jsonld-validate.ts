import type { ErrorDetail } from '@assay/core';
import { normaliseForMatch } from '../health/checks-structured.ts';
import { asArray, parseJsonLd, textOf, typesOf } from '../health/jsonld.ts';
import { scorePage } from '../health/score.ts';
import { renderPageDocument } from './render/document.ts';
import { faqFromMarkdown } from './render/markdown.ts';
import { pageUrl, type SiteInfo } from './site.ts';
import type { JsonLdBlock, PageFields } from './structured-data.ts';

const MAX_JSON_LD_BYTES = 64 * 1024;
const STRUCTURE_CHECKS = ['jsonld_present', 'schema_required_properties', 'jsonld_matches_content'];

/**
 * Problems with custom JSON-LD for a page, empty when it may be saved: it must be schema.org, have
 * typed entities with their required properties, and say only what the page shows (an FAQPage may
 * hold only the question headings of the body, with their answers). The same checks as the health score.
 */
export function jsonLdProblems(site: SiteInfo, page: PageFields, blocks: JsonLdBlock[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const size = Buffer.byteLength(JSON.stringify(blocks));
  if (size > MAX_JSON_LD_BYTES)
    return [{ field: 'json_ld', message: `JSON-LD is ${size} bytes; the limit is ${MAX_JSON_LD_BYTES}` }];
  blocks.forEach((block, i) => {
    const context = JSON.stringify(block['@context'] ?? '');
    if (!/schema\.org/i.test(context))
      problems.push({ field: `json_ld.${i}.@context`, message: 'expected "https://schema.org"' });
  });
  const parsed = parseJsonLd(blocks.map((b) => JSON.stringify(b)));
  const report = scorePage({
    url: pageUrl(site, page.slug),
    status: 200,
    headers: {},
    html: renderPageDocument({ site, page, jsonLd: blocks }),
    fetchedAt: page.updatedAt,
  });
  for (const check of report.checks)
    if (STRUCTURE_CHECKS.includes(check.id) && check.applicable && !check.passed)
      problems.push({ field: 'json_ld', message: check.message });
  const visible = new Map(
    faqFromMarkdown(page.bodyMd).map((q) => [normaliseForMatch(q.question), normaliseForMatch(q.answer)]),
  );
  for (const entity of parsed.entities.filter((e) => e.types.includes('FAQPage')))
    for (const q of asArray(entity.data.mainEntity)) {
      const question = typesOf(q).includes('Question') ? textOf(q) : null;
      const answer = textOf(asArray((q as Record<string, unknown>)?.acceptedAnswer)[0]);
      if (!question) continue;
      const shown = visible.get(normaliseForMatch(question));
      if (shown === undefined)
        problems.push({
          field: 'json_ld',
          message: `FAQ question "${question}" is not a question heading of the page`,
        });
      else if (answer && !shown.includes(normaliseForMatch(answer)))
        problems.push({
          field: 'json_ld',
          message: `The answer to "${question}" differs from the answer on the page`,
        });
    }
  return problems;
}
