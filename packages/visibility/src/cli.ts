import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SafeFetchError } from '@assay/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { MentionExtractor } from './engine/index.ts';
import { scorePage } from './health/index.ts';
import { fetchPageInput } from './pages/url-health.ts';

const brandsFile = z.object({
  brands: z
    .array(
      z.object({
        id: z.string().optional(),
        name: z.string().min(1),
        aliases: z.array(z.string()).default([]),
        products: z.array(z.string()).default([]),
        domains: z.array(z.string()).default([]),
        owned: z.boolean().optional(),
      }),
    )
    .min(1),
});

const read = (file: string) => (file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8'));

/** `assay visibility ...`: the mention extractor and the page health checker on local input. */
export function registerVisibilityCli(program: Command) {
  const visibility = program
    .command('visibility')
    .description('AI visibility (brand mentions in LLM answers, page health)');
  visibility
    .command('mentions <answer>')
    .description(
      'Extract brand mentions, ranks, sentiment and citations from an answer (a file, or - for stdin)',
    )
    .requiredOption('--brands <file>', 'JSON: {brands: [{name, aliases: [], domains: []}]}')
    .action((answer: string, options: { brands: string }) => {
      const parsed = brandsFile.safeParse(JSON.parse(readFileSync(options.brands, 'utf8')));
      if (!parsed.success)
        throw new Error(
          `--brands: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
        );
      const brands = parsed.data.brands.map((b, i) => ({
        ...b,
        id: b.id ?? b.name,
        owned: b.owned ?? i === 0,
      }));
      const result = new MentionExtractor(brands).extract(read(answer));
      console.log(
        JSON.stringify(
          {
            mentions: result.brands
              .filter((b) => b.mentioned)
              .map((b) => ({
                brand: b.brand_id,
                count: b.count,
                rank: b.rank,
                rank_confidence: b.rank_confidence,
                sentiment: b.sentiment,
                spans: b.mentions.map((m) => m.span),
              })),
            citations: result.citations.map((c) => ({ url: c.url, domain: c.domain, class: c.class })),
          },
          null,
          2,
        ),
      );
    });
  visibility
    .command('health <target>')
    .description(
      'Score a page for LLM readiness (0-100) and explain each check: a public URL (fetched with its robots.txt, /llms.txt and Markdown twin) or a saved HTML file',
    )
    .option('--url <url>', 'for a file: the address the page was served at', 'https://example.invalid/')
    .action(async (target: string, options: { url: string }) => {
      const isUrl = /^https?:\/\//i.test(target);
      const input = isUrl
        ? await fetchPageInput(target, {
            // The operator's own setting: a shell user may point it at their intranet.
            allowPrivate: /^(true|1|yes)$/i.test(process.env.OUTBOUND_ALLOW_PRIVATE ?? ''),
          }).catch((error: unknown) => {
            if (error instanceof SafeFetchError) throw new Error(`${target}: ${error.message}`);
            throw error;
          })
        : { url: options.url, status: 200, headers: {}, html: read(target), fetchedAt: new Date() };
      const report = scorePage(input);
      console.log(
        `score ${report.score}/100  (${isUrl ? `${input.url}, HTTP ${input.status}` : basename(target)})`,
      );
      for (const check of report.checks) {
        if (!check.applicable) continue;
        console.log(
          `${check.passed ? 'pass' : 'FAIL'}  ${check.category.padEnd(16)} ${check.id.padEnd(28)} ${check.message}`,
        );
      }
    });
}
