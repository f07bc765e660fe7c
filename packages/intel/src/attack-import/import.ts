import { createHash } from 'node:crypto';
import { chunksOf } from '@assay/core';
import type { Db } from '@assay/db';
import { eq } from 'drizzle-orm';
import { parseAttackBundle } from '../attack/stix.ts';
import type { AttackCatalog } from '../attack/types.ts';
import { intelAttackObjects, intelAttackRelations, intelAttackVersions } from '../schema.ts';

const BATCH = 500;

export interface AttackImportResult {
  versionId: string;
  domain: string;
  version: string;
  /** False when these exact bytes were imported before (nothing was written). */
  created: boolean;
  counts: Record<string, number>;
}

type ObjectRow = typeof intelAttackObjects.$inferInsert;

function objectRows(catalog: AttackCatalog, versionId: string): ObjectRow[] {
  const base = (o: { id: string; stixId: string; name: string; description: string; url?: string }) => ({
    versionId,
    attackId: o.id,
    stixId: o.stixId,
    name: o.name,
    description: o.description,
    url: o.url ?? null,
  });
  return [
    ...catalog.techniques.map((t) => ({
      ...base(t),
      kind: t.isSubtechnique ? 'subtechnique' : 'technique',
      tactics: t.tactics,
      parentId: t.parentId ?? null,
      platforms: t.platforms,
    })),
    ...catalog.tactics.map((t) => ({ ...base(t), kind: 'tactic', tactics: [t.shortname] })),
    ...catalog.groups.map((g) => ({ ...base(g), kind: 'group', aliases: g.aliases })),
    ...catalog.software.map((s) => ({
      ...base(s),
      kind: 'software',
      aliases: s.aliases,
      platforms: s.platforms,
      softwareKind: s.kind,
    })),
    ...catalog.campaigns.map((c) => ({ ...base(c), kind: 'campaign', aliases: c.aliases })),
    ...catalog.mitigations.map((m) => ({ ...base(m), kind: 'mitigation' })),
  ];
}

/**
 * Imports an ATT&CK STIX bundle as a catalogue version, in one transaction. The same bytes imported
 * again change nothing (keyed by their SHA-256); a new release becomes a new version, and lookups use
 * the newest version of the domain. Bad bundles throw `AttackBundleError` before anything is written.
 */
export async function importAttackBundle(
  db: Db,
  bytes: Uint8Array,
  options: { importedBy?: string | null } = {},
): Promise<AttackImportResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [existing] = await db
    .select()
    .from(intelAttackVersions)
    .where(eq(intelAttackVersions.sha256, sha256));
  if (existing) {
    return {
      versionId: existing.id,
      domain: existing.domain,
      version: existing.version,
      created: false,
      counts: existing.counts,
    };
  }
  const catalog = parseAttackBundle(bytes);
  const counts = {
    techniques: catalog.techniques.filter((t) => !t.isSubtechnique).length,
    subtechniques: catalog.techniques.filter((t) => t.isSubtechnique).length,
    tactics: catalog.tactics.length,
    groups: catalog.groups.length,
    software: catalog.software.length,
    campaigns: catalog.campaigns.length,
    mitigations: catalog.mitigations.length,
    relationships: catalog.relationships.length,
  };
  return db.transaction(async (tx) => {
    const [version] = await tx
      .insert(intelAttackVersions)
      .values({
        domain: catalog.domain ?? 'enterprise-attack',
        version: catalog.version ?? sha256.slice(0, 12),
        sha256,
        counts,
        importedBy: options.importedBy ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!version) {
      // Another process imported the same bytes meanwhile.
      const [row] = await tx.select().from(intelAttackVersions).where(eq(intelAttackVersions.sha256, sha256));
      return {
        versionId: row.id,
        domain: row.domain,
        version: row.version,
        created: false,
        counts: row.counts,
      };
    }
    const objects = objectRows(catalog, version.id);
    for (const chunk of chunksOf(objects, BATCH)) await tx.insert(intelAttackObjects).values(chunk);
    const relations = catalog.relationships.map((r) => ({
      versionId: version.id,
      type: r.type,
      sourceRef: r.source,
      targetRef: r.target,
    }));
    for (const chunk of chunksOf(relations, BATCH * 4)) await tx.insert(intelAttackRelations).values(chunk);
    return { versionId: version.id, domain: version.domain, version: version.version, created: true, counts };
  });
}
