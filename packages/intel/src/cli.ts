import { readFileSync } from 'node:fs';
import type { Platform } from '@assay/core';
import type { Command } from 'commander';
import { parseAttackBundle } from './attack/stix.ts';
import { registerIntelDataCli } from './cli-data.ts';
import { extractReport, type ReportExtraction } from './engine/index.ts';

const readInput = (file: string) => (file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8'));

/** The shape `assay intel extract` prints: normalised values with the sentence each came from. */
export function extractionOutput(result: ReportExtraction) {
  const mention = (m: ReportExtraction['techniques'][number]) => ({
    id: m.id,
    name: m.name,
    known: m.known,
    confidence: m.confidence,
    context: m.occurrences[0]?.sentence ?? '',
  });
  return {
    method: result.method,
    indicators: result.indicators.map((i) => ({
      type: i.type,
      value: i.value,
      context: i.sentence,
      defanged: i.defanged,
      confidence: i.confidence,
      warnings: i.warnings,
    })),
    techniques: result.techniques.map(mention),
    tactics: result.tactics.map(mention),
    actors: result.actors.map(mention),
    software: result.software.map(mention),
  };
}

function csv(rows: string[][]): string {
  const cell = (v: string) =>
    /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : /^[=+\-@]/.test(v) ? `'${v}` : v;
  return rows.map((r) => r.map(cell).join(',')).join('\n');
}

/** `assay intel ...`: the extraction engine on local files. */
export function registerIntelCli(program: Command, platform?: () => Promise<Platform>) {
  const intel = program.command('intel').description('Threat intelligence (indicators, actors, ATT&CK)');
  if (platform) registerIntelDataCli(intel, platform);
  intel
    .command('extract [file]')
    .description('Extract indicators, techniques and actors from a report (a file, or - for stdin)')
    .option('--format <format>', 'json or csv', 'json')
    .option('--attack <bundle>', 'an ATT&CK STIX bundle, to find actors and software by name')
    .option(
      '--publisher <domains>',
      "comma-separated domains of the report's publisher (marked, not dropped)",
    )
    .action((file: string | undefined, options: { format: string; attack?: string; publisher?: string }) => {
      const catalog = options.attack ? parseAttackBundle(readFileSync(options.attack, 'utf8')) : undefined;
      const result = extractReport(readInput(file ?? '-'), {
        catalog,
        publisherDomains: options.publisher?.split(',').map((d) => d.trim()),
      });
      const output = extractionOutput(result);
      if (options.format === 'csv') {
        console.log(
          csv([['type', 'value', 'context'], ...output.indicators.map((i) => [i.type, i.value, i.context])]),
        );
      } else {
        console.log(JSON.stringify(output, null, 2));
      }
    });
}
