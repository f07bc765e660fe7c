import { type Db, uuidv7, webhookDeliveries, webhookEndpoints, webhookEvents } from '@assay/db';
import { and, eq, sql } from 'drizzle-orm';
import { insertJobs } from '../jobs/enqueue.ts';
import { EVENT_CATALOGUE, type EventData, type EventType } from './catalogue.ts';
import { deliveryJobForEnqueue } from './delivery-job.ts';

export interface EmitInput<T extends EventType> {
  orgId: string;
  type: T;
  data: EventData<T>;
  /**
   * For callers that may run twice for one change (a retried job, a hook): the second emit with the same
   * key in the organization returns the first event and writes nothing.
   */
  dedupeKey?: string;
}

export interface EmittedEvent {
  id: string;
  type: EventType;
  /** Delivery jobs written with the event. Pass them to `platform.jobs.dispatch` after the commit for the
   * quickest delivery; otherwise the worker's outbox sweep sends them within a second or so. */
  jobIds: string[];
}

/**
 * Records an event and its deliveries in the caller's transaction: the event row, one delivery row per
 * enabled endpoint of the organization that wants this type, and one delivery job per delivery. If the
 * transaction rolls back, nothing is sent; if it commits, every delivery happens at least once. When no
 * endpoint wants the type, nothing is written and the returned id is not stored.
 * Throws when `data` does not match the type's schema (a programming error, not user input).
 */
export async function emitEvent<T extends EventType>(tx: Db, input: EmitInput<T>): Promise<EmittedEvent> {
  const spec = EVENT_CATALOGUE[input.type];
  if (!spec || input.type === 'webhook.ping') throw new Error(`Event type ${input.type} cannot be emitted`);
  const data = spec.data.parse(input.data);
  const id = uuidv7();
  const createdAt = new Date();
  const body = JSON.stringify({
    id,
    type: input.type,
    version: spec.version,
    created_at: createdAt.toISOString(),
    org_id: input.orgId,
    data,
  });
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, input.orgId),
        eq(webhookEndpoints.enabled, true),
        sql`(${webhookEndpoints.eventTypes} ? ${input.type} or ${webhookEndpoints.eventTypes} ? '*')`,
      ),
    );
  // Nobody listens: nothing to deliver, so nothing is written (most job events of most organizations).
  if (endpoints.length === 0) return { id, type: input.type, jobIds: [] };
  const inserted = await tx
    .insert(webhookEvents)
    .values({
      id,
      orgId: input.orgId,
      type: input.type,
      version: spec.version,
      body,
      dedupeKey: input.dedupeKey ?? null,
      createdAt,
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  if (inserted.length === 0) {
    const [existing] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.orgId, input.orgId), eq(webhookEvents.dedupeKey, input.dedupeKey!)));
    return { id: existing.id, type: input.type, jobIds: [] };
  }

  const deliveries = endpoints.map((endpoint) => ({
    id: uuidv7(),
    orgId: input.orgId,
    endpointId: endpoint.id,
    eventId: id,
    eventType: input.type,
  }));
  await tx.insert(webhookDeliveries).values(deliveries);
  const jobs = await insertJobs(
    tx,
    () => deliveryJobForEnqueue,
    deliveries.map((delivery) => ({
      orgId: input.orgId,
      name: deliveryJobForEnqueue.name,
      payload: { orgId: input.orgId, deliveryId: delivery.id, trigger: 'auto' },
    })),
  );
  return { id, type: input.type, jobIds: jobs.map((job) => job.id) };
}
