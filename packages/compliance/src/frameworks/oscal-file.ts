import { readFile } from 'node:fs/promises';
import { type OscalImportOptions, parseOscalCatalogText } from './oscal.ts';
import type { Framework } from './types.ts';

/** Reads and imports an OSCAL catalog JSON file (for the CLI and tests; services pass the text). */
export async function readOscalCatalogFile(
  path: string,
  options: OscalImportOptions = {},
): Promise<Framework> {
  return parseOscalCatalogText(await readFile(path, 'utf8'), options);
}
