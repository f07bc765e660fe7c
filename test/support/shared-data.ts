import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file of the public reference data kept in `shared/data` beside the repository (never copied into
 * it). SHARED_DATA_DIR overrides the folder.
 */
export function sharedData(relative: string): string {
  const dir = process.env.SHARED_DATA_DIR ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  return `${dir.replace(/\/$/, '')}/${relative}`;
}

export const hasSharedData = (relative: string) => existsSync(sharedData(relative));
