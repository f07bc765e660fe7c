import {
  AppError,
  assertWithinLimit,
  atLeast,
  emitEvent,
  hashToken,
  type Mailer,
  newToken,
  notFound,
  type Role,
  recordAudit,
  type ServiceContext,
  TOKEN_PREFIX,
} from '@assay/core';
import { type Db, invitations, memberships, organizations, users } from '@assay/db';
import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { queueNotifications } from '../notifications/queue.ts';
import { escapeHtml } from '../notifications/templates.ts';

export const INVITATION_TTL_DAYS = 7;
const SEATS = 'members.seats';

/** Seats taken: members, and (when inviting) pending invitations, which become members on acceptance. */
async function seatsTaken(tx: Db, orgId: string, withPending: boolean): Promise<number> {
  const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  if (!withPending) return Number(members.n);
  const [pending] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return Number(members.n) + Number(pending.n);
}

type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(row: InvitationRow, now = new Date()) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

export const toInvitationView = (row: InvitationRow) => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  expires_at: row.expiresAt.toISOString(),
  created_at: row.createdAt.toISOString(),
  status: invitationStatus(row),
});

export async function listInvitations(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, ctx.orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map(toInvitationView);
}

/** Creates a single-use invitation and emails its link. The token exists only in the email. */
export async function invite(
  ctx: ServiceContext,
  input: { email: string; role: Role },
  mailer: Mailer,
  webUrl: string,
) {
  if (input.role === 'owner' && !atLeast(ctx.role ?? 'viewer', 'owner')) {
    throw new AppError('FORBIDDEN', 'Only an owner can invite another owner');
  }
  const token = newToken(TOKEN_PREFIX.invitation);
  const { row, orgName } = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), sql`lower(${users.email}) = ${input.email}`));
    if (existing) throw new AppError('CONFLICT', 'This person is already a member');
    // A new invitation replaces any pending one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.orgId, ctx.orgId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    await assertWithinLimit(tx, ctx.orgId, SEATS, (t) => seatsTaken(t, ctx.orgId, true));
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: ctx.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning();
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    await recordAudit(tx, ctx, {
      action: 'member.invite',
      targetType: 'invitation',
      targetId: row.id,
      after: { email: input.email, role: input.role },
    });
    await emitEvent(tx, {
      orgId: ctx.orgId,
      type: 'member.invited',
      data: {
        invitation_id: row.id,
        email: row.email,
        role: row.role,
        invited_by: row.invitedBy,
        expires_at: row.expiresAt.toISOString(),
      },
    });
    return { row, orgName: org.name };
  });
  const link = `${webUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
  await mailer.send({
    to: input.email,
    subject: `You are invited to ${orgName} on Assay`,
    text: `You have been invited to join ${orgName} on Assay as ${input.role}.\n\nAccept: ${link}\n\nThe link works once and expires in ${INVITATION_TTL_DAYS} days.`,
    html: `<p>You have been invited to join <strong>${escapeHtml(orgName)}</strong> on Assay as ${escapeHtml(input.role)}.</p><p><a href="${escapeHtml(link)}">Accept the invitation</a></p><p>The link works once and expires in ${INVITATION_TTL_DAYS} days.</p>`,
  });
  return row;
}

export async function revokeInvitation(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.orgId, ctx.orgId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('Invitation');
    await recordAudit(tx, ctx, {
      action: 'member.invitation_revoke',
      targetType: 'invitation',
      targetId: id,
    });
  });
}

/** The signed-in user redeems a token sent to their own address; it works once. */
export async function acceptInvitation(
  db: Db,
  user: { id: string; email: string },
  token: string,
  meta: ServiceContext['meta'],
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for('update');
    if (!row) throw notFound('Invitation');
    const status = invitationStatus(row);
    if (status !== 'pending') throw new AppError('GONE', `This invitation is ${status}`);
    if (row.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', 'This invitation was sent to another email address');
    }
    // The plan may have shrunk since the invitation was sent.
    await assertWithinLimit(tx, row.orgId, SEATS, (t) => seatsTaken(t, row.orgId, false));
    const inserted = await tx
      .insert(memberships)
      .values({ orgId: row.orgId, userId: user.id, role: row.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0)
      throw new AppError('CONFLICT', 'You are already a member of this organization');
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, row.id));
    await recordAudit(
      tx,
      { orgId: row.orgId, actor: { type: 'user', id: user.id }, role: row.role as Role, meta },
      {
        action: 'member.join',
        targetType: 'invitation',
        targetId: row.id,
        after: { role: row.role },
      },
    );
    if (row.invitedBy) {
      await queueNotifications(tx, [
        {
          orgId: row.orgId,
          userId: row.invitedBy,
          kind: 'invitation_accepted',
          params: { email: row.email, role: row.role },
          key: row.id,
        },
      ]);
    }
    return { orgId: row.orgId, role: row.role as Role };
  });
}
