import { type Db, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { deliveryPolicy, retryDelay } from './policy.ts';
import type { SendOutcome } from './send.ts';

export interface RecordedAttempt {
  /** Set when another automatic attempt should run after this wait. */
  retryInMs?: number;
  /** The endpoint crossed the failure threshold with this attempt and was disabled. */
  disabled: boolean;
}

/**
 * Writes one attempt to the delivery log and moves the delivery and its endpoint on: delivered,
 * retrying (automatic attempts only, on retryable failures, while the schedule lasts) or failed.
 * A delivery that ends failed counts against the endpoint; enough in a row disable it.
 */
export async function recordAttempt(
  tx: Db,
  target: {
    orgId: string;
    deliveryId: string;
    endpointId: string;
    attempt: number;
    /** The endpoint as read before the attempt, to skip a write (and its row lock) that changes nothing. */
    seen?: { consecutiveFailures: number; lastSuccessAt: Date | null };
  },
  trigger: 'auto' | 'manual' | 'test',
  outcome: SendOutcome,
): Promise<RecordedAttempt> {
  await tx.insert(webhookAttempts).values({
    orgId: target.orgId,
    deliveryId: target.deliveryId,
    endpointId: target.endpointId,
    attempt: target.attempt,
    trigger,
    succeeded: outcome.succeeded,
    responseCode: outcome.responseCode,
    latencyMs: outcome.latencyMs,
    responseBody: outcome.responseBody,
    error: outcome.error,
  });
  const retryInMs =
    !outcome.succeeded && outcome.retryable && trigger === 'auto' ? retryDelay(target.attempt) : undefined;
  const now = new Date();
  await tx
    .update(webhookDeliveries)
    .set({
      status: outcome.succeeded ? 'delivered' : retryInMs !== undefined ? 'retrying' : 'failed',
      attempts: target.attempt,
      nextAttemptAt: retryInMs !== undefined ? new Date(now.getTime() + retryInMs) : null,
      lastStatusCode: outcome.responseCode,
      lastError: outcome.error,
      ...(outcome.succeeded ? { deliveredAt: now } : {}),
    })
    .where(eq(webhookDeliveries.id, target.deliveryId));
  if (trigger === 'test') return { retryInMs, disabled: false };

  if (outcome.succeeded) {
    // Every delivery to an endpoint would otherwise queue on its row: refresh last_success_at at most every few seconds.
    const seen = target.seen;
    if (
      seen &&
      seen.consecutiveFailures === 0 &&
      seen.lastSuccessAt &&
      now.getTime() - seen.lastSuccessAt.getTime() < 5_000
    ) {
      return { disabled: false };
    }
    await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: 0, lastSuccessAt: now })
      .where(eq(webhookEndpoints.id, target.endpointId));
    return { disabled: false };
  }
  if (retryInMs !== undefined) {
    await tx
      .update(webhookEndpoints)
      .set({ lastFailureAt: now })
      .where(eq(webhookEndpoints.id, target.endpointId));
    return { retryInMs, disabled: false };
  }
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`, lastFailureAt: now })
    .where(eq(webhookEndpoints.id, target.endpointId))
    .returning();
  if (!endpoint.enabled || endpoint.consecutiveFailures < deliveryPolicy.disableAfterFailures) {
    return { disabled: false };
  }
  await tx
    .update(webhookEndpoints)
    .set({
      enabled: false,
      disabledReason: `Disabled automatically after ${endpoint.consecutiveFailures} failed deliveries in a row (last: ${outcome.error ?? 'no answer'})`,
    })
    .where(eq(webhookEndpoints.id, target.endpointId));
  return { disabled: true };
}
