import {
  AppError,
  atLeast,
  displayPrefix,
  hashToken,
  isScope,
  newToken,
  notFound,
  type Role,
  recordAudit,
  type ServiceContext,
  TOKEN_PREFIX,
} from '@assay/core';
import { apiKeys } from '@assay/db';
import { and, desc, eq, isNull } from 'drizzle-orm';

type KeyRow = typeof apiKeys.$inferSelect;

export const toApiKeyView = (row: KeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role as Role,
  scopes: row.scopes,
  expires_at: row.expiresAt?.toISOString() ?? null,
  revoked_at: row.revokedAt?.toISOString() ?? null,
  last_used_at: row.lastUsedAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
});

export async function listApiKeys(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.orgId, ctx.orgId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKeyView);
}

/**
 * Creates a key and returns its secret once; only its SHA-256 and a display prefix are stored.
 * A key never gets a stronger role than its creator's.
 */
export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; scopes: string[]; role?: Role; expires_at?: string },
) {
  const bad = input.scopes.filter((s) => !isScope(s));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_ERROR', 'Unknown scopes', {
      details: bad.map((s) => ({ field: 'body.scopes', message: `unknown scope ${s}` })),
    });
  }
  const role = input.role ?? (ctx.role === 'owner' ? 'admin' : (ctx.role ?? 'viewer'));
  if (!atLeast(ctx.role ?? 'viewer', role))
    throw new AppError('FORBIDDEN', 'A key cannot have a stronger role than yours');
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError('VALIDATION_ERROR', 'The expiry must be in the future', {
      details: [{ field: 'body.expires_at', message: 'in the past' }],
    });
  }
  const secret = newToken(TOKEN_PREFIX.apiKey);
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId: ctx.orgId,
        name: input.name,
        prefix: displayPrefix(secret),
        keyHash: hashToken(secret),
        role,
        scopes: [...new Set(input.scopes)].sort(),
        createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_key.create',
      targetType: 'api_key',
      targetId: row.id,
      after: { name: row.name, role, scopes: row.scopes, expires_at: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { ...toApiKeyView(row), secret };
}

export async function revokeApiKey(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.orgId, ctx.orgId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound('API key');
    await recordAudit(tx, ctx, {
      action: 'api_key.revoke',
      targetType: 'api_key',
      targetId: id,
      before: { name: row.name },
    });
    return row;
  });
}
