import {
  AppError,
  atLeast,
  emitEvent,
  notFound,
  type Role,
  recordAudit,
  type ServiceContext,
} from '@assay/core';
import { type Db, memberships, users } from '@assay/db';
import { and, asc, eq } from 'drizzle-orm';

export async function listMembers(ctx: ServiceContext) {
  const rows = await ctx.db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => ({
    user_id: r.userId,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    joined_at: r.joinedAt.toISOString(),
  }));
}

/** Locks the organization's owner rows so "last owner" checks cannot race each other. */
async function ownersLocked(tx: Db, orgId: string) {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
    .for('update');
}

async function memberLocked(tx: Db, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for('update');
  if (!row) throw notFound('Member');
  return row;
}

/** Only owners grant or take away the owner role; the last owner keeps it. */
function assertMayManage(ctx: ServiceContext, currentRole: string, nextRole?: Role) {
  const touchesOwner = currentRole === 'owner' || nextRole === 'owner';
  if (touchesOwner && !atLeast(ctx.role ?? 'viewer', 'owner')) {
    throw new AppError('FORBIDDEN', 'Only an owner can change an owner or make someone an owner');
  }
}

export async function changeRole(ctx: ServiceContext, userId: string, role: Role) {
  return ctx.db.transaction(async (tx) => {
    const owners = await ownersLocked(tx, ctx.orgId);
    const member = await memberLocked(tx, ctx.orgId, userId);
    assertMayManage(ctx, member.role, role);
    if (member.role === 'owner' && role !== 'owner' && owners.length <= 1) {
      throw new AppError('CONFLICT', 'The last owner cannot be demoted; make someone else an owner first');
    }
    await tx.update(memberships).set({ role }).where(eq(memberships.id, member.id));
    await recordAudit(tx, ctx, {
      action: 'member.role_change',
      targetType: 'user',
      targetId: userId,
      before: { role: member.role },
      after: { role },
    });
    return { ...member, role };
  });
}

export async function removeMember(
  ctx: ServiceContext,
  userId: string,
  action: 'member.remove' | 'member.leave',
) {
  await ctx.db.transaction(async (tx) => {
    const owners = await ownersLocked(tx, ctx.orgId);
    const member = await memberLocked(tx, ctx.orgId, userId);
    if (action === 'member.remove') assertMayManage(ctx, member.role);
    if (member.role === 'owner' && owners.length <= 1) {
      throw new AppError(
        'CONFLICT',
        'The last owner cannot leave or be removed; make someone else an owner first',
      );
    }
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    await recordAudit(tx, ctx, {
      action,
      targetType: 'user',
      targetId: userId,
      before: { role: member.role },
    });
    await emitEvent(tx, {
      orgId: ctx.orgId,
      type: 'member.removed',
      data: {
        user_id: userId,
        role: member.role,
        reason: action === 'member.remove' ? 'removed' : 'left',
        removed_by: action === 'member.remove' ? ctx.actor.id : userId,
      },
    });
  });
}
