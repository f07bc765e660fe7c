import {
  AppError,
  afterCursor,
  assertWithinLimit,
  decodeCursor,
  notFound,
  type ObjectStorage,
  projectFileKeys,
  recordAudit,
  type ServiceContext,
  toPage,
} from '@assay/core';
import { type Db, projects } from '@assay/db';
import { and, count, desc, eq, ilike, sql } from 'drizzle-orm';

type ProjectRow = typeof projects.$inferSelect;

export const toProjectView = (p: ProjectRow) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  created_by: p.createdBy,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
});

const byOrgAndId = (ctx: ServiceContext, id: string) =>
  and(eq(projects.orgId, ctx.orgId), eq(projects.id, id));
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The hot path (first page, no search) as a prepared statement: built once per database, parsed once per connection. */
const firstPages = new WeakMap<Db, ReturnType<typeof prepareFirstPage>>();
const prepareFirstPage = (db: Db) =>
  db
    .select()
    .from(projects)
    .where(eq(projects.orgId, sql.placeholder('orgId')))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(sql.placeholder('limit'))
    .prepare('projects_first_page');

export async function listProjects(
  ctx: ServiceContext,
  query: { size: number; cursor?: string; q?: string },
) {
  if (!query.cursor && !query.q) {
    let statement = firstPages.get(ctx.db);
    if (!statement) {
      statement = prepareFirstPage(ctx.db);
      firstPages.set(ctx.db, statement);
    }
    return toPage(
      await statement.execute({ orgId: ctx.orgId, limit: query.size + 1 }),
      query.size,
      toProjectView,
    );
  }
  const cursor = decodeCursor(query.cursor);
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.orgId, ctx.orgId),
        query.q ? ilike(projects.name, `%${escapeLike(query.q)}%`) : undefined,
        afterCursor(projects.createdAt, projects.id, cursor),
      ),
    )
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(query.size + 1);
  return toPage(rows, query.size, toProjectView);
}

export async function getProject(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(projects).where(byOrgAndId(ctx, id));
  if (!row) throw notFound('Project');
  return row;
}

const duplicateName = (error: unknown) =>
  (error as { code?: string; cause?: { code?: string } })?.code === '23505' ||
  (error as { cause?: { code?: string } })?.cause?.code === '23505';

export async function createProject(ctx: ServiceContext, input: { name: string; description: string }) {
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertWithinLimit(tx, ctx.orgId, 'projects.count', async (t) =>
        Number((await t.select({ n: count() }).from(projects).where(eq(projects.orgId, ctx.orgId)))[0].n),
      );
      const [row] = await tx
        .insert(projects)
        .values({ orgId: ctx.orgId, ...input, createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'project.create',
        targetType: 'project',
        targetId: row.id,
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicateName(error))
      throw new AppError('CONFLICT', 'A project with this name already exists', {
        details: [{ field: 'body.name', message: 'taken' }],
      });
    throw error;
  }
}

export async function updateProject(
  ctx: ServiceContext,
  id: string,
  input: { name?: string; description?: string },
) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(projects).where(byOrgAndId(ctx, id)).for('update');
      if (!before) throw notFound('Project');
      const [row] = await tx
        .update(projects)
        .set({ ...input, updatedAt: sql`now()` })
        .where(byOrgAndId(ctx, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'project.update',
        targetType: 'project',
        targetId: id,
        before: { name: before.name, description: before.description },
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicateName(error))
      throw new AppError('CONFLICT', 'A project with this name already exists', {
        details: [{ field: 'body.name', message: 'taken' }],
      });
    throw error;
  }
}

/**
 * Deletes a project, the module rows that hang on it, and then their stored files. The files go after
 * the commit: a failed file delete leaves an unreachable object (its row is gone), never a row
 * pointing at nothing. Returns how many files or prefixes could not be removed.
 */
export async function deleteProject(ctx: ServiceContext, storage: ObjectStorage, id: string) {
  const files = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(byOrgAndId(ctx, id))
      .for('update');
    if (!row) throw notFound('Project');
    const files = await projectFileKeys(tx, ctx.orgId, id);
    const [deleted] = await tx.delete(projects).where(byOrgAndId(ctx, id)).returning();
    await recordAudit(tx, ctx, {
      action: 'project.delete',
      targetType: 'project',
      targetId: id,
      before: { name: deleted.name },
    });
    return files;
  });
  const removed = await Promise.allSettled(
    files.map((key) => (key.endsWith('/') ? storage.deletePrefix(key) : storage.delete(key))),
  );
  return removed.filter((r) => r.status === 'rejected').length;
}
