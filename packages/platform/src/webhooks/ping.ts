import { EVENT_CATALOGUE, notFound, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import { uuidv7, webhookDeliveries, webhookEndpoints, webhookEvents } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import { recordAttempt } from './record.ts';
import { decryptSecret } from './secret.ts';
import { sendDelivery } from './send.ts';
import { outboundPolicy } from './url.ts';

/**
 * Sends a `webhook.ping` to one endpoint now, whatever its filter or state, and answers with the
 * receiver's reply. It is logged like any delivery but never retried and never counts as a failure.
 */
export async function pingEndpoint(ctx: ServiceContext, platform: Platform, endpointId: string) {
  const [endpoint] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) throw notFound('Webhook endpoint');

  // Written by hand rather than through emitEvent: a ping goes to this endpoint only, never to `*` subscribers.
  const eventId = uuidv7();
  const deliveryId = uuidv7();
  const createdAt = new Date();
  const body = JSON.stringify({
    id: eventId,
    type: 'webhook.ping',
    version: EVENT_CATALOGUE['webhook.ping'].version,
    created_at: createdAt.toISOString(),
    org_id: ctx.orgId,
    data: { endpoint_id: endpoint.id, message: 'Test delivery from Assay' },
  });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(webhookEvents).values({
      id: eventId,
      orgId: ctx.orgId,
      type: 'webhook.ping',
      version: EVENT_CATALOGUE['webhook.ping'].version,
      body,
      createdAt,
    });
    await tx.insert(webhookDeliveries).values({
      id: deliveryId,
      orgId: ctx.orgId,
      endpointId: endpoint.id,
      eventId,
      eventType: 'webhook.ping',
    });
    await recordAudit(tx, ctx, {
      action: 'webhook.test',
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
    });
  });
  const outcome = await sendDelivery(
    {
      url: endpoint.url,
      secret: decryptSecret(endpoint.secretCiphertext, platform.config.appSecret),
      body,
      eventId,
      eventType: 'webhook.ping',
      deliveryId,
      attempt: 1,
    },
    outboundPolicy(platform),
  );
  await ctx.db.transaction((tx) =>
    recordAttempt(tx, { orgId: ctx.orgId, deliveryId, endpointId: endpoint.id, attempt: 1 }, 'test', outcome),
  );
  return { delivery_id: deliveryId, event_id: eventId, ...outcomeView(outcome) };
}

export const outcomeView = (outcome: Awaited<ReturnType<typeof sendDelivery>>) => ({
  succeeded: outcome.succeeded,
  response_code: outcome.responseCode,
  latency_ms: outcome.latencyMs,
  response_body: outcome.responseBody,
  error: outcome.error,
});
