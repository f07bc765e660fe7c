import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAttackBundle } from '../../src/attack/stix.ts';
import type { AttackCatalog } from '../../src/attack/types.ts';

/** The shared ATT&CK Enterprise bundle (../shared/data beside the repository); ATTACK_BUNDLE overrides. */
export const ATTACK_FILE =
  process.env.ATTACK_BUNDLE ??
  fileURLToPath(new URL('../../../../../shared/data/attack/enterprise-attack.json', import.meta.url));
export const hasAttackFile = existsSync(ATTACK_FILE);
if (!hasAttackFile)
  console.warn(`ATT&CK tests skipped: ${ATTACK_FILE} not found (set ATTACK_BUNDLE to a bundle's path)`);

let catalog: AttackCatalog | undefined;

/** The parsed real catalog, read once per test file. */
export function realCatalog(): AttackCatalog {
  catalog ??= parseAttackBundle(readFileSync(ATTACK_FILE, 'utf8'));
  return catalog;
}
