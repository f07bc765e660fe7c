import { readFileSync, writeFileSync } from 'node:fs';
import type { Platform } from '@assay/core';
import { isUuid, organizations } from '@assay/db';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { importAttackBundle } from './attack-import/import.ts';
import { collectExport, EXPORT_FORMATS, type ExportFormat } from './exports/model.ts';
import { renderExport } from './exports/render.ts';

/** `assay intel attack-import` and `assay intel export`: commands that need the database. */
export function registerIntelDataCli(intel: Command, platform: () => Promise<Platform>) {
  intel
    .command('attack-import <file>')
    .description('Import an ATT&CK STIX bundle as a catalogue version (the same file again changes nothing)')
    .action(async (file: string) => {
      const p = await platform();
      const started = performance.now();
      const result = await importAttackBundle(p.db, readFileSync(file), { importedBy: 'cli' });
      const ms = Math.round(performance.now() - started);
      const counts = Object.entries(result.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      console.log(
        result.created
          ? `Imported ${result.domain} ${result.version} in ${ms} ms: ${counts}`
          : `${result.domain} ${result.version} was already imported (version ${result.versionId}); nothing changed`,
      );
    });
  intel
    .command('export')
    .description("Export an organization's indicators, actors and relationships")
    .requiredOption('--org <id>', 'organization id')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'stix')
    .option('--min-confidence <n>', 'only indicators at or above this confidence')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { org: string; format: string; minConfidence?: string; out?: string }) => {
      if (!EXPORT_FORMATS.includes(options.format as ExportFormat))
        throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
      if (!isUuid(options.org)) throw new Error('--org must be an organization id (a UUID)');
      const p = await platform();
      const [org] = await p.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, options.org));
      if (!org) throw new Error(`No organization ${options.org}`);
      const model = await collectExport(p.db, options.org, {
        min_confidence: options.minConfidence ? Number(options.minConfidence) : undefined,
      });
      const file = await renderExport(model, options.format as ExportFormat);
      if (options.out) {
        writeFileSync(options.out, file.body);
        console.error(`Wrote ${file.body.length} bytes to ${options.out}`);
      } else process.stdout.write(file.body);
    });
}
