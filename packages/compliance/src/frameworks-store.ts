import { AppError, type ServiceContext } from '@assay/core';
import type { Db } from '@assay/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { builtinFramework, builtinFrameworks } from './frameworks/registry.ts';
import type { Control, Framework } from './frameworks/types.ts';
import { complianceFrameworks } from './schema.ts';

/** Imported frameworks are addressed as `oscal:<key>`; the newest imported version wins. */
export const importedId = (key: string) => `oscal:${key}`;

type FrameworkRow = typeof complianceFrameworks.$inferSelect;
const fromRow = (row: FrameworkRow): Framework => ({
  id: importedId(row.key),
  name: row.name,
  version: row.version,
  source: 'oscal',
  controls: row.controls as Control[],
});

/** Built-in frameworks plus the organization's imports, without their controls. */
export async function listFrameworks(db: Db, orgId: string) {
  const imported = await db
    .select({
      key: complianceFrameworks.key,
      name: complianceFrameworks.name,
      version: complianceFrameworks.version,
      controlCount: complianceFrameworks.controlCount,
      createdAt: complianceFrameworks.createdAt,
    })
    .from(complianceFrameworks)
    .where(eq(complianceFrameworks.orgId, orgId))
    .orderBy(desc(complianceFrameworks.createdAt));
  const seen = new Set<string>();
  const latestImports = imported.filter((f) => !seen.has(f.key) && seen.add(f.key));
  return [
    ...builtinFrameworks().map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      source: 'builtin' as const,
      control_count: f.controls.length,
    })),
    ...latestImports.map((f) => ({
      id: importedId(f.key),
      name: f.name,
      version: f.version,
      source: 'oscal' as const,
      control_count: f.controlCount,
    })),
  ];
}

/** Frameworks by id, or a 422 naming the unknown ones. */
export async function resolveFrameworks(db: Db, orgId: string, ids: string[]): Promise<Framework[]> {
  const keys = ids.filter((id) => id.startsWith('oscal:')).map((id) => id.slice('oscal:'.length));
  const rows = keys.length
    ? await db
        .select()
        .from(complianceFrameworks)
        .where(and(eq(complianceFrameworks.orgId, orgId), inArray(complianceFrameworks.key, keys)))
        .orderBy(desc(complianceFrameworks.createdAt))
    : [];
  // Rows are newest first, so the first row per key is the version in force.
  const latest = new Map<string, FrameworkRow>();
  for (const row of rows) if (!latest.has(importedId(row.key))) latest.set(importedId(row.key), row);
  const found = ids.map((id) => {
    const row = latest.get(id);
    return builtinFramework(id) ?? (row ? fromRow(row) : undefined);
  });
  const unknown = ids.filter((_, i) => !found[i]);
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_ERROR', `Unknown frameworks: ${unknown.join(', ')}`, {
      details: unknown.map((id) => ({ field: 'body.frameworks', message: `no framework ${id}` })),
    });
  }
  return found as Framework[];
}

/** Stores an imported catalog as a new version for the organization. */
export async function saveImportedFramework(ctx: ServiceContext, key: string, framework: Framework) {
  const [row] = await ctx.db
    .insert(complianceFrameworks)
    .values({
      orgId: ctx.orgId,
      key,
      name: framework.name,
      version: framework.version,
      controls: framework.controls,
      controlCount: framework.controls.length,
      createdBy: ctx.actor.id,
    })
    .onConflictDoUpdate({
      target: [complianceFrameworks.orgId, complianceFrameworks.key, complianceFrameworks.version],
      set: { name: framework.name, controls: framework.controls, controlCount: framework.controls.length },
    })
    .returning();
  return fromRow(row);
}
