import { notFound, recordAudit, type ServiceContext } from '@assay/core';
import { type Db, memberships, organizations } from '@assay/db';
import { asc, eq } from 'drizzle-orm';

export async function listUserOrganizations(db: Db, userId: string) {
  return db
    .select({ org: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .then((rows) => rows.map((r) => r.org));
}

export async function getOrganization(ctx: ServiceContext) {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.orgId));
  if (!org) throw notFound('Organization');
  return org;
}

export async function renameOrganization(ctx: ServiceContext, name: string) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId))
      .for('update');
    if (!before) throw notFound('Organization');
    const [org] = await tx
      .update(organizations)
      .set({ name })
      .where(eq(organizations.id, ctx.orgId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'org.update',
      targetType: 'organization',
      targetId: ctx.orgId,
      before: { name: before.name },
      after: { name },
    });
    return org;
  });
}
