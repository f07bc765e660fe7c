import {
  AppError,
  createJwtVerifier,
  hashToken,
  isRole,
  looksLikeJwt,
  type Platform,
  type Principal,
  type Role,
  TOKEN_PREFIX,
} from '@assay/core';
import { apiKeys, isUuid, memberships, organizations, plans, sessions, users } from '@assay/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';

export const SESSION_COOKIE = 'assay_session';
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export interface Credentials {
  authorization?: string;
  apiKeyHeader?: string;
  sessionCookie?: string;
  orgHeader?: string;
}

type CachedUser = { id: string; email: string; name: string };
type CachedSession = { sessionId: string; user: CachedUser; expiresAt: number };
type CachedKey = {
  id: string;
  orgId: string;
  role: Role;
  scopes: string[];
  expiresAt: number | null;
  lastUsedAt: number;
};
type CachedMembership = { orgId: string; role: Role } | null;

const unauthenticated = (message = 'Your credentials are invalid or expired') =>
  new AppError('UNAUTHENTICATED', message);

/**
 * Resolves a request's caller once, whichever way they signed in: session token (cookie or bearer),
 * IdP JWT, or API key. Hot lookups are cached; revocations invalidate through the platform bus.
 */
export function createAuthenticator(platform: Platform) {
  const { db, config } = platform;
  const cache = platform.authCache;
  platform.bus.subscribe((tag) => cache.invalidate(tag));
  const verifyJwt = config.AUTH_JWKS_URL
    ? createJwtVerifier({
        jwksUrl: config.AUTH_JWKS_URL,
        issuer: config.AUTH_JWT_ISSUER!,
        audience: config.AUTH_JWT_AUDIENCE,
        algorithms: config.AUTH_JWT_ALGORITHMS,
        emailClaim: config.AUTH_JWT_EMAIL_CLAIM,
      })
    : undefined;

  async function session(token: string): Promise<CachedSession> {
    const cacheKey = `sess:${hashToken(token)}`;
    let entry = cache.get(cacheKey) as CachedSession | undefined;
    if (!entry) {
      const [row] = await db
        .select({
          id: sessions.id,
          expiresAt: sessions.expiresAt,
          revokedAt: sessions.revokedAt,
          user: users,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, hashToken(token)));
      if (!row || row.revokedAt) throw unauthenticated();
      entry = {
        sessionId: row.id,
        user: { id: row.user.id, email: row.user.email, name: row.user.name },
        expiresAt: row.expiresAt.getTime(),
      };
      cache.set(cacheKey, entry, [`session:${row.id}`, `user:${row.user.id}`]);
    }
    if (entry.expiresAt <= Date.now()) throw unauthenticated('Your session has expired; sign in again');
    return entry;
  }

  async function apiKey(token: string): Promise<CachedKey> {
    const cacheKey = `key:${hashToken(token)}`;
    let entry = cache.get(cacheKey) as CachedKey | undefined;
    if (!entry) {
      const [row] = await db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.keyHash, hashToken(token)));
      if (!row || row.revokedAt || !isRole(row.role))
        throw unauthenticated('This API key is invalid or revoked');
      entry = {
        id: row.id,
        orgId: row.orgId,
        role: row.role,
        scopes: row.scopes,
        expiresAt: row.expiresAt?.getTime() ?? null,
        lastUsedAt: row.lastUsedAt?.getTime() ?? 0,
      };
      cache.set(cacheKey, entry, [`apikey:${row.id}`, `org:${row.orgId}`]);
    }
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now())
      throw unauthenticated('This API key has expired');
    const now = Date.now();
    if (now - entry.lastUsedAt >= LAST_USED_WRITE_INTERVAL_MS) {
      entry.lastUsedAt = now;
      db.update(apiKeys)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(apiKeys.id, entry.id))
        .catch((error: unknown) => platform.logger.warn({ err: error }, 'could not record api key use'));
    }
    return entry;
  }

  /** IdP users are found by `auth_sub`, or created on first sight (linked by email when one exists). */
  async function jwtUser(token: string): Promise<CachedUser> {
    if (!verifyJwt) throw unauthenticated();
    let identity: Awaited<ReturnType<typeof verifyJwt>>;
    try {
      identity = await verifyJwt(token);
    } catch {
      throw unauthenticated('The identity token is invalid, expired or not for this service');
    }
    const cacheKey = `sub:${identity.sub}`;
    const cached = cache.get(cacheKey) as CachedUser | undefined;
    if (cached) return cached;
    let [user] = await db.select().from(users).where(eq(users.authSub, identity.sub));
    if (!user) {
      if (!identity.email)
        throw unauthenticated(`The identity token has no ${config.AUTH_JWT_EMAIL_CLAIM} claim`);
      [user] = await db
        .insert(users)
        .values({
          email: identity.email,
          name: identity.name ?? identity.email.split('@')[0],
          authSub: identity.sub,
        })
        .onConflictDoNothing()
        .returning();
      // An account with this email exists: link it only when the provider vouches for the address.
      if (!user && identity.claims.email_verified === true) {
        [user] = await db
          .update(users)
          .set({ authSub: identity.sub })
          .where(and(sql`lower(${users.email}) = ${identity.email}`, isNull(users.authSub)))
          .returning();
      }
      if (!user) {
        throw new AppError(
          'CONFLICT',
          'An account with this email already exists; sign in with its password (the provider did not verify the address, so the two are not linked)',
        );
      }
    }
    const value = { id: user.id, email: user.email, name: user.name };
    cache.set(cacheKey, value, [`user:${user.id}`]);
    return value;
  }

  /** The caller's role in the requested organization (X-Org-Id), or their first organization. */
  async function membership(userId: string, orgHeader: string | undefined): Promise<CachedMembership> {
    if (orgHeader !== undefined && !isUuid(orgHeader)) {
      throw new AppError('VALIDATION_ERROR', 'X-Org-Id must be an organization id', {
        details: [{ field: 'X-Org-Id', message: 'expected a UUID' }],
      });
    }
    const cacheKey = `mem:${userId}:${orgHeader ?? '*'}`;
    const cached = cache.get(cacheKey) as CachedMembership | undefined;
    if (cached !== undefined) return cached;
    const [row] = await db
      .select({ orgId: memberships.orgId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), orgHeader ? eq(memberships.orgId, orgHeader) : undefined))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    const value = row && isRole(row.role) ? { orgId: row.orgId, role: row.role } : null;
    if (orgHeader && !value) throw new AppError('NOT_FOUND', 'Organization not found');
    cache.set(cacheKey, value, [`user:${userId}`, ...(value ? [`org:${value.orgId}`] : [])]);
    return value;
  }

  /** Requests per minute the organization's plan allows. */
  async function planRateLimit(orgId: string): Promise<number> {
    const cacheKey = `plan:${orgId}`;
    const cached = cache.get(cacheKey) as number | undefined;
    if (cached !== undefined) return cached;
    const [row] = await db
      .select({ limit: plans.rateLimitPerMinute })
      .from(organizations)
      .innerJoin(plans, eq(plans.id, organizations.planId))
      .where(eq(organizations.id, orgId));
    const limit = row?.limit ?? 60;
    cache.set(cacheKey, limit, [`org:${orgId}`]);
    return limit;
  }

  async function userPrincipal(
    user: CachedUser,
    method: 'session' | 'jwt',
    orgHeader?: string,
    sessionId?: string,
  ) {
    const member = await membership(user.id, orgHeader);
    return {
      user,
      orgId: member?.orgId ?? null,
      role: member?.role ?? null,
      scopes: null,
      method,
      actor: { type: 'user', id: user.id },
      sessionId,
    } satisfies Principal;
  }

  async function resolve(credentials: Credentials): Promise<Principal | null> {
    const bearer = credentials.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (credentials.authorization !== undefined && !bearer)
      throw unauthenticated('Use "Authorization: Bearer <token>"');
    const token = bearer ?? credentials.apiKeyHeader;
    if (token?.startsWith(TOKEN_PREFIX.apiKey)) {
      const key = await apiKey(token);
      if (credentials.orgHeader !== undefined && credentials.orgHeader !== key.orgId) {
        throw new AppError('FORBIDDEN', 'This API key belongs to another organization');
      }
      return {
        user: null,
        orgId: key.orgId,
        role: key.role,
        scopes: key.scopes,
        method: 'api_key',
        actor: { type: 'api_key', id: key.id },
        apiKeyId: key.id,
      };
    }
    if (token?.startsWith(TOKEN_PREFIX.session)) {
      const s = await session(token);
      return userPrincipal(s.user, 'session', credentials.orgHeader, s.sessionId);
    }
    if (token && looksLikeJwt(token))
      return userPrincipal(await jwtUser(token), 'jwt', credentials.orgHeader);
    if (token) throw unauthenticated();
    if (credentials.sessionCookie) {
      const s = await session(credentials.sessionCookie);
      return userPrincipal(s.user, 'session', credentials.orgHeader, s.sessionId);
    }
    return null;
  }

  return { resolve, planRateLimit };
}
export type Authenticator = ReturnType<typeof createAuthenticator>;
