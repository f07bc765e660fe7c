import { readFileSync } from 'node:fs';
import { type Platform, SYSTEM_ACTOR } from '@assay/core';
import type { Command } from 'commander';
import { runAssessment } from './assessments/run.ts';
import { extractDocument } from './extract/index.ts';
import { parseOscalCatalog } from './frameworks/oscal.ts';
import { builtinFramework, builtinFrameworks } from './frameworks/registry.ts';
import { saveImportedFramework } from './frameworks-store.ts';

type Findings = Awaited<ReturnType<typeof runAssessment>>['findings'];

function printTable(findings: Findings) {
  const rows = findings.map((f) => [
    f.framework,
    f.control_id,
    f.status,
    f.severity,
    f.confidence.toFixed(2),
    f.evidence[0]?.quote.slice(0, 60) ?? '',
  ]);
  const widths = [10, 24, 15, 9, 5];
  for (const row of rows)
    console.log(row.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell)).join(' '));
}

/** `assay compliance ...`: the same engines on local files, and framework management. */
export function registerComplianceCli(program: Command, platform: () => Promise<Platform>) {
  const compliance = program
    .command('compliance')
    .description('Compliance assessment (documents against frameworks)');

  compliance
    .command('frameworks')
    .description('List the built-in frameworks')
    .action(() => {
      for (const f of builtinFrameworks())
        console.log(`${f.id.padEnd(8)} ${f.name} (${f.version}), ${f.controls.length} controls`);
    });

  compliance
    .command('assess <file>')
    .description('Assess a local document (PDF, DOCX, Markdown, HTML, text) and print the findings')
    .requiredOption('--frameworks <list>', 'comma-separated framework ids, e.g. soc2,gdpr')
    .option('--engine <engine>', 'baseline or llm', 'baseline')
    .option('--format <format>', 'json or table', 'table')
    .action(async (file: string, options: { frameworks: string; engine: string; format: string }) => {
      if (options.engine !== 'baseline')
        throw new Error('only --engine baseline runs from the CLI without a configured AI provider');
      const ids = options.frameworks.split(',').map((s) => s.trim());
      const frameworks = ids.map(
        (id) =>
          builtinFramework(id) ??
          (() => {
            throw new Error(`unknown framework ${id}; see "assay compliance frameworks"`);
          })(),
      );
      const doc = await extractDocument(readFileSync(file));
      const { findings, summary } = await runAssessment(doc, frameworks, { engine: 'baseline' });
      if (options.format === 'json') {
        const out = findings.map((f) => ({
          framework: f.framework,
          control_id: f.control_id,
          status: f.status,
          confidence: f.confidence,
          evidence: f.evidence.map((e) => ({ quote: e.quote, location: e.location })),
        }));
        console.log(JSON.stringify({ findings: out, summary }, null, 2));
      } else {
        printTable(findings);
        console.log(`\n${JSON.stringify(summary)}`);
      }
    });

  compliance
    .command('import-oscal <file>')
    .description('Import an OSCAL catalog JSON as a framework of an organization (id oscal:<key>)')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--key <key>', 'short name, e.g. nist-800-53-low')
    .action(async (file: string, options: { org: string; key: string }) => {
      const framework = parseOscalCatalog(JSON.parse(readFileSync(file, 'utf8')), {
        id: `oscal:${options.key}`,
      });
      const p = await platform();
      const saved = await saveImportedFramework(
        {
          db: p.db,
          orgId: options.org,
          actor: SYSTEM_ACTOR,
          role: 'owner',
          meta: { ip: null, userAgent: 'assay-cli', traceId: null },
        },
        options.key,
        framework,
      );
      console.log(`${saved.id}: ${saved.name} (${saved.version}), ${saved.controls.length} controls`);
    });
}
