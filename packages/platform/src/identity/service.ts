import {
  AppError,
  burnPasswordCheck,
  hashPassword,
  hashToken,
  newToken,
  type Platform,
  type RequestMeta,
  recordAudit,
  TOKEN_PREFIX,
  verifyPassword,
} from '@assay/core';
import { type Db, memberships, organizations, sessions, users } from '@assay/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { slugify } from './slug.ts';

export async function membershipsOf(db: Db, userId: string) {
  const rows = await db
    .select({
      orgId: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => ({ org_id: r.orgId, org_name: r.name, org_slug: r.slug, role: r.role as 'owner' }));
}

export const findUserByEmail = async (db: Db, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0];

/** Creates an organization with `userId` as its owner, in the caller's transaction. */
export async function createOrganization(tx: Db, userId: string, name: string, meta: RequestMeta) {
  const [org] = await tx
    .insert(organizations)
    .values({ name, slug: slugify(name) })
    .returning();
  await tx.insert(memberships).values({ orgId: org.id, userId, role: 'owner' });
  await recordAudit(
    tx,
    { orgId: org.id, actor: { type: 'user', id: userId }, role: 'owner', meta },
    {
      action: 'org.create',
      targetType: 'organization',
      targetId: org.id,
      after: { name: org.name, slug: org.slug },
    },
  );
  return org;
}

export async function signUp(
  platform: Platform,
  input: { email: string; password: string; name: string; organization_name?: string },
  meta: RequestMeta,
) {
  if (!platform.config.ALLOW_SIGNUP)
    throw new AppError('FORBIDDEN', 'Sign-up is disabled on this installation');
  const passwordHash = await hashPassword(input.password);
  return platform.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', 'An account with this email already exists', {
        details: [{ field: 'email', message: 'already registered' }],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning();
    await createOrganization(tx, user.id, input.organization_name ?? `${input.name}'s organization`, meta);
    return user;
  });
}

export async function startSession(db: Db, userId: string, ttlHours: number, meta: RequestMeta) {
  const token = newToken(TOKEN_PREFIX.session);
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    userId,
    tokenHash: hashToken(token),
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return { token, expiresAt };
}

/** Same message and similar timing whether the email is unknown or the password wrong. */
export async function signIn(
  platform: Platform,
  input: { email: string; password: string },
  meta: RequestMeta,
) {
  const user = await findUserByEmail(platform.db, input.email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(input.password);
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  const session = await startSession(platform.db, user.id, platform.config.SESSION_TTL_HOURS, meta);
  return { user, ...session };
}

export async function signOut(platform: Platform, sessionId: string) {
  await platform.db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  await platform.bus.publish(`session:${sessionId}`);
}
