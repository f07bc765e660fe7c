import {
  AppError,
  assertPublicUrl,
  conflict,
  notFound,
  type Platform,
  recordAudit,
  SafeFetchError,
  type ServiceContext,
} from '@assay/core';
import { type Db, uuidv7 } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { intelFeeds } from '../schema.ts';
import { assertProject } from '../yara/service.ts';
import type { createFeedBody, updateFeedBody } from './contracts.ts';

/**
 * http(s), no credentials, not pointing at a private, loopback or reserved address (unless the
 * operator allows them). Checked again at every fetch: what a name resolves to can change.
 */
async function checkedUrl(platform: Platform, raw: string): Promise<string> {
  try {
    return (await assertPublicUrl(raw, { allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE })).toString();
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    throw new AppError('VALIDATION_ERROR', `Invalid feed URL: ${error.message}`, {
      details: [{ field: 'body.url', message: error.message }],
    });
  }
}

async function assertUniqueUrl(tx: Db, orgId: string, projectId: string, url: string, except?: string) {
  const [clash] = await tx
    .select({ id: intelFeeds.id })
    .from(intelFeeds)
    .where(and(eq(intelFeeds.orgId, orgId), eq(intelFeeds.projectId, projectId), eq(intelFeeds.url, url)));
  if (clash && clash.id !== except) throw conflict('This project already follows that feed');
}

export async function getFeed(ctx: Pick<ServiceContext, 'db' | 'orgId'>, id: string) {
  const [row] = await ctx.db
    .select()
    .from(intelFeeds)
    .where(and(eq(intelFeeds.orgId, ctx.orgId), eq(intelFeeds.id, id)));
  if (!row) throw notFound('Feed');
  return row;
}

export async function createFeed(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof createFeedBody>,
) {
  const url = await checkedUrl(platform, input.url);
  return ctx.db.transaction(async (tx) => {
    await assertProject(tx, ctx.orgId, input.project_id);
    await assertUniqueUrl(tx, ctx.orgId, input.project_id, url);
    const [row] = await tx
      .insert(intelFeeds)
      .values({
        id: uuidv7(),
        orgId: ctx.orgId,
        projectId: input.project_id,
        name: input.name,
        url,
        enabled: input.enabled ?? true,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.feed.create',
      targetType: 'intel_feed',
      targetId: row!.id,
      after: { name: input.name, url },
    });
    return row!;
  });
}

export async function updateFeed(
  ctx: ServiceContext,
  platform: Platform,
  id: string,
  input: z.infer<typeof updateFeedBody>,
) {
  const url = input.url === undefined ? undefined : await checkedUrl(platform, input.url);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(intelFeeds)
      .where(and(eq(intelFeeds.orgId, ctx.orgId), eq(intelFeeds.id, id)))
      .for('update');
    if (!before) throw notFound('Feed');
    if (url && url !== before.url) await assertUniqueUrl(tx, ctx.orgId, before.projectId, url, id);
    const [row] = await tx
      .update(intelFeeds)
      .set({
        name: input.name ?? before.name,
        url: url ?? before.url,
        enabled: input.enabled ?? before.enabled,
        updatedAt: new Date(),
      })
      .where(eq(intelFeeds.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'intel.feed.update',
      targetType: 'intel_feed',
      targetId: id,
      before: { name: before.name, url: before.url, enabled: before.enabled },
      after: { name: row!.name, url: row!.url, enabled: row!.enabled },
    });
    return row!;
  });
}

export async function deleteFeed(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(intelFeeds)
      .where(and(eq(intelFeeds.orgId, ctx.orgId), eq(intelFeeds.id, id)))
      .returning();
    if (!row) throw notFound('Feed');
    await recordAudit(tx, ctx, {
      action: 'intel.feed.delete',
      targetType: 'intel_feed',
      targetId: id,
      before: { url: row.url },
    });
  });
}
