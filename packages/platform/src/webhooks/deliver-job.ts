import { defineJob, type Platform, WEBHOOK_DELIVERY_JOB } from '@assay/core';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@assay/db';
import { and, eq, sql } from 'drizzle-orm';
import { queueNotifications } from '../notifications/queue.ts';
import { adminIds } from '../notifications/recipients.ts';
import { recordAttempt } from './record.ts';
import { decryptSecret } from './secret.ts';
import { sendDelivery } from './send.ts';
import { outboundPolicy } from './url.ts';

/**
 * One HTTP attempt of one delivery. Its outcome, the next attempt (a new job with a delay, when the
 * failure is worth retrying) and an endpoint's automatic disabling commit together with the job's completion.
 */
export const deliverJob = (platform: Platform) =>
  defineJob({
    ...WEBHOOK_DELIVERY_JOB,
    async handler(payload, ctx) {
      const [row] = await ctx.db
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, body: webhookEvents.body })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(and(eq(webhookDeliveries.orgId, payload.orgId), eq(webhookDeliveries.id, payload.deliveryId)));
      if (!row) return { skipped: 'delivery or endpoint deleted' };
      const { delivery, endpoint } = row;
      if (payload.trigger === 'auto' && ['delivered', 'failed', 'skipped'].includes(delivery.status)) {
        return { skipped: `already ${delivery.status}` };
      }
      if (!endpoint.enabled) {
        await ctx.complete((tx) =>
          tx
            .update(webhookDeliveries)
            .set({ status: 'skipped', nextAttemptAt: null, lastError: 'The endpoint is disabled' })
            .where(eq(webhookDeliveries.id, delivery.id)),
        );
        return { skipped: 'endpoint disabled' };
      }

      const attempt = delivery.attempts + 1;
      const outcome = await sendDelivery(
        {
          url: endpoint.url,
          secret: decryptSecret(endpoint.secretCiphertext, platform.config.appSecret),
          body: row.body,
          eventId: delivery.eventId,
          eventType: delivery.eventType,
          deliveryId: delivery.id,
          attempt,
        },
        outboundPolicy(platform),
      );
      const next: string[] = [];
      const result = await ctx.complete(async (tx) => {
        // The log, the next attempt and the completion commit together; if a crash loses this commit, the
        // job runs again and the receiver gets the event once more, which at-least-once allows. So the
        // commit need not wait for the disk.
        await tx.execute(sql`set local synchronous_commit = off`);
        const recorded = await recordAttempt(
          tx,
          { orgId: payload.orgId, deliveryId: delivery.id, endpointId: endpoint.id, attempt, seen: endpoint },
          payload.trigger,
          outcome,
        );
        if (recorded.retryInMs !== undefined) {
          const job = await platform.jobs.enqueue(tx, {
            orgId: payload.orgId,
            name: WEBHOOK_DELIVERY_JOB.name,
            payload: { ...payload, trigger: 'auto' },
            delayMs: recorded.retryInMs,
            idempotencyKey: `webhooks.deliver:${delivery.id}:${attempt + 1}`,
          });
          next.push(job.id);
        }
        if (recorded.disabled) {
          const admins = await adminIds(tx, payload.orgId);
          next.push(
            ...(await queueNotifications(
              tx,
              admins.map((userId) => ({
                orgId: payload.orgId,
                userId,
                kind: 'webhook_disabled',
                params: { endpoint_id: endpoint.id, url: endpoint.url, error: outcome.error },
                key: `${endpoint.id}:${delivery.id}`,
              })),
            )),
          );
        }
        return {
          attempt,
          succeeded: outcome.succeeded,
          response_code: outcome.responseCode,
          retry_in_ms: recorded.retryInMs ?? null,
          endpoint_disabled: recorded.disabled,
        };
      });
      if (next.length > 0) await platform.jobs.dispatch(next);
      return result;
    },
  });
