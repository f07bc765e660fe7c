import type { Db } from '@assay/db';
import { desc, eq } from 'drizzle-orm';
import type { AttackCatalog } from '../attack/types.ts';
import { intelAttackObjects, intelAttackRelations, intelAttackVersions } from '../schema.ts';

export const DEFAULT_DOMAIN = 'enterprise-attack';

/** The newest imported version of a domain, or undefined before the first import. */
export async function currentAttackVersion(db: Db, domain = DEFAULT_DOMAIN) {
  const [row] = await db
    .select()
    .from(intelAttackVersions)
    .where(eq(intelAttackVersions.domain, domain))
    .orderBy(desc(intelAttackVersions.createdAt))
    .limit(1);
  return row;
}

// Versions never change once imported, so a process keeps the rebuilt catalogue per version id.
const cache = new Map<string, Promise<AttackCatalog>>();

async function buildCatalog(db: Db, versionId: string): Promise<AttackCatalog> {
  const [version] = await db.select().from(intelAttackVersions).where(eq(intelAttackVersions.id, versionId));
  const rows = await db.select().from(intelAttackObjects).where(eq(intelAttackObjects.versionId, versionId));
  const relations = await db
    .select()
    .from(intelAttackRelations)
    .where(eq(intelAttackRelations.versionId, versionId));
  const base = (r: (typeof rows)[number]) => ({
    id: r.attackId,
    stixId: r.stixId,
    name: r.name,
    description: r.description,
    url: r.url ?? undefined,
  });
  const of = (...kinds: string[]) => rows.filter((r) => kinds.includes(r.kind));
  return {
    version: version?.version ?? null,
    domain: version?.domain ?? null,
    techniques: of('technique', 'subtechnique').map((r) => ({
      ...base(r),
      tactics: r.tactics,
      isSubtechnique: r.kind === 'subtechnique',
      parentId: r.parentId ?? undefined,
      platforms: r.platforms,
    })),
    tactics: of('tactic').map((r) => ({ ...base(r), shortname: r.tactics[0] ?? '' })),
    groups: of('group').map((r) => ({ ...base(r), aliases: r.aliases })),
    software: of('software').map((r) => ({
      ...base(r),
      kind: (r.softwareKind ?? 'malware') as 'malware' | 'tool',
      aliases: r.aliases,
      platforms: r.platforms,
    })),
    campaigns: of('campaign').map((r) => ({ ...base(r), aliases: r.aliases })),
    mitigations: of('mitigation').map(base),
    relationships: relations.map((r) => ({
      type: r.type as AttackCatalog['relationships'][number]['type'],
      source: r.sourceRef,
      target: r.targetRef,
    })),
  };
}

/** The current catalogue for the extraction engine, or undefined (IDs are then checked by shape only). */
export async function loadAttackCatalog(db: Db, domain = DEFAULT_DOMAIN): Promise<AttackCatalog | undefined> {
  const version = await currentAttackVersion(db, domain);
  if (!version) return undefined;
  let catalog = cache.get(version.id);
  if (!catalog) {
    catalog = buildCatalog(db, version.id);
    cache.set(version.id, catalog);
    catalog.catch(() => cache.delete(version.id));
  }
  return catalog;
}
