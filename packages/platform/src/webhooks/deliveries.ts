import {
  AppError,
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  recordAudit,
  type ServiceContext,
  toPage,
  WEBHOOK_DELIVERY_JOB,
} from '@assay/core';
import { webhookAttempts, webhookDeliveries, webhookEvents } from '@assay/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { loadEndpoint } from './endpoints.ts';
import { toAttemptView, toDeliveryView } from './views.ts';

type AttemptRow = typeof webhookAttempts.$inferSelect;

async function lastAttempts(db: ServiceContext['db'], deliveryIds: string[]) {
  const latest = new Map<string, AttemptRow>();
  if (deliveryIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.createdAt), asc(webhookAttempts.id));
  for (const row of rows) latest.set(row.deliveryId, row);
  return latest;
}

/** The endpoint's delivery log, newest first, each with its latest attempt. */
export async function listDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  query: { size: number; cursor?: string; status?: string; event_id?: string },
) {
  await loadEndpoint(ctx, endpointId);
  const cursor = decodeCursor(query.cursor);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        query.event_id ? eq(webhookDeliveries.eventId, query.event_id) : undefined,
        afterCursor(webhookDeliveries.createdAt, webhookDeliveries.id, cursor),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.size + 1);
  const latest = await lastAttempts(
    ctx.db,
    rows.slice(0, query.size).map((r) => r.id),
  );
  return toPage(rows, query.size, (row) => toDeliveryView(row, latest.get(row.id) ?? null));
}

async function loadDelivery(ctx: ServiceContext, endpointId: string, deliveryId: string) {
  const [row] = await ctx.db
    .select({ delivery: webhookDeliveries, body: webhookEvents.body })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.id, deliveryId),
      ),
    );
  if (!row) throw notFound('Delivery');
  return row;
}

/** One delivery with the envelope as sent and every attempt, oldest first. */
export async function getDelivery(ctx: ServiceContext, endpointId: string, deliveryId: string) {
  const { delivery, body } = await loadDelivery(ctx, endpointId, deliveryId);
  const attempts = await ctx.db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, delivery.id))
    .orderBy(asc(webhookAttempts.createdAt), asc(webhookAttempts.id));
  return {
    ...toDeliveryView(delivery, attempts.at(-1) ?? null),
    event: JSON.parse(body) as Record<string, unknown>,
    attempt_log: attempts.map(toAttemptView),
  };
}

/** Sends a delivery again (same event id and body, freshly signed) as one manual attempt. */
export async function redeliver(
  ctx: ServiceContext,
  platform: Platform,
  endpointId: string,
  deliveryId: string,
) {
  const endpoint = await loadEndpoint(ctx, endpointId);
  if (!endpoint.enabled)
    throw new AppError('CONFLICT', 'The endpoint is disabled; enable it before redelivering');
  const jobId = await ctx.db.transaction(async (tx) => {
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: null })
      .where(
        and(
          eq(webhookDeliveries.orgId, ctx.orgId),
          eq(webhookDeliveries.endpointId, endpointId),
          eq(webhookDeliveries.id, deliveryId),
        ),
      )
      .returning();
    if (!delivery) throw notFound('Delivery');
    const job = await platform.jobs.enqueue(tx, {
      orgId: ctx.orgId,
      name: WEBHOOK_DELIVERY_JOB.name,
      payload: { orgId: ctx.orgId, deliveryId, trigger: 'manual' },
      createdBy: ctx.actor.id ?? undefined,
    });
    await recordAudit(tx, ctx, {
      action: 'webhook.redeliver',
      targetType: 'webhook_delivery',
      targetId: deliveryId,
      after: { endpoint_id: endpointId, event_id: delivery.eventId },
    });
    return job.id;
  });
  await platform.jobs.dispatch([jobId]);
  return getDelivery(ctx, endpointId, deliveryId);
}
