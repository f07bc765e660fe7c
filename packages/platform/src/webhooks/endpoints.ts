import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  recordAudit,
  type ServiceContext,
  toPage,
} from '@assay/core';
import { webhookEndpoints } from '@assay/db';
import { and, desc, eq } from 'drizzle-orm';
import { encryptSecret, newWebhookSecret, secretPrefix } from './secret.ts';
import { checkEndpointUrl } from './url.ts';
import { toEndpointView } from './views.ts';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** `["*"]` absorbs everything else; otherwise the list without repeats, sorted. */
const normaliseTypes = (types: string[]) => (types.includes('*') ? ['*'] : [...new Set(types)].sort());

export async function loadEndpoint(
  ctx: Pick<ServiceContext, 'db' | 'orgId'>,
  id: string,
): Promise<EndpointRow> {
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(ctx: ServiceContext, page: { size: number; cursor?: string }) {
  const cursor = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, ctx.orgId),
        afterCursor(webhookEndpoints.createdAt, webhookEndpoints.id, cursor),
      ),
    )
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(page.size + 1);
  return toPage(rows, page.size, toEndpointView);
}

export async function createEndpoint(
  ctx: ServiceContext,
  platform: Platform,
  input: { url: string; description?: string; event_types: string[]; enabled?: boolean },
) {
  const url = await checkEndpointUrl(platform, input.url);
  const secret = newWebhookSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        orgId: ctx.orgId,
        url,
        description: input.description ?? '',
        eventTypes: normaliseTypes(input.event_types),
        secretCiphertext: encryptSecret(secret, platform.config.appSecret),
        secretPrefix: secretPrefix(secret),
        enabled: input.enabled ?? true,
        createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      targetType: 'webhook_endpoint',
      targetId: row.id,
      after: { url, event_types: row.eventTypes, enabled: row.enabled },
    });
    return row;
  });
  return { ...toEndpointView(row), secret };
}

export async function updateEndpoint(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  input: { url?: string; description?: string; event_types?: string[]; enabled?: boolean },
) {
  await loadEndpoint(ctx, id); // another organization's id is a 404 before anything about the body
  const url = input.url === undefined ? undefined : await checkEndpointUrl(platform, input.url);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
      .for('update');
    if (!before) throw notFound('Webhook endpoint');
    const enabling = input.enabled === true && !before.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.event_types ? { eventTypes: normaliseTypes(input.event_types) } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        // Switching back on starts a fresh failure count.
        ...(enabling ? { disabledReason: null, consecutiveFailures: 0 } : {}),
        ...(input.enabled === false && before.enabled ? { disabledReason: 'Disabled by a user' } : {}),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'webhook.update',
      targetType: 'webhook_endpoint',
      targetId: id,
      before: { url: before.url, event_types: before.eventTypes, enabled: before.enabled },
      after: { url: row.url, event_types: row.eventTypes, enabled: row.enabled },
    });
    return toEndpointView(row);
  });
}

/** A new secret, shown once; the old one stops working at once. */
export async function rotateSecret(ctx: ServiceContext, platform: Platform, id: string) {
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        secretCiphertext: encryptSecret(secret, platform.config.appSecret),
        secretPrefix: secretPrefix(secret),
      })
      .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!row) throw notFound('Webhook endpoint');
    await recordAudit(tx, ctx, {
      action: 'webhook.rotate_secret',
      targetType: 'webhook_endpoint',
      targetId: id,
    });
    return { ...toEndpointView(row), secret };
  });
}

export async function deleteEndpoint(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!row) throw notFound('Webhook endpoint');
    await recordAudit(tx, ctx, {
      action: 'webhook.delete',
      targetType: 'webhook_endpoint',
      targetId: id,
      before: { url: row.url },
    });
  });
}
