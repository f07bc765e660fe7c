import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns.ts';
import { organizations, users } from './identity.ts';

/** Where an organization wants its events POSTed. The signing secret is stored encrypted, never hashed: signing needs it. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types delivered here; `*` means every type. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    /** The first characters of the secret, to tell endpoints apart. */
    secretPrefix: text('secret_prefix').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    /** Deliveries that ended failed in a row; reset by a success. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastSuccessAt: tstz('last_success_at'),
    lastFailureAt: tstz('last_failure_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('webhook_endpoints_org_id_idx').on(t.orgId),
    index('webhook_endpoints_created_at_idx').on(t.createdAt),
  ],
);

/** Every event an organization emitted, with the exact body its deliveries sign and send. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    /** Makes emitting idempotent for callers that may run twice (scoped to the organization). */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_events_org_id_idx').on(t.orgId),
    index('webhook_events_created_at_idx').on(t.createdAt),
    uniqueIndex('webhook_events_dedupe_key').on(t.orgId, t.dedupeKey),
  ],
);

/** One event to one endpoint: the outbox row, written with the event in the change's transaction. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    /** pending | retrying | delivered | failed | skipped */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: tstz('delivered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('webhook_deliveries_org_id_idx').on(t.orgId),
    index('webhook_deliveries_created_at_idx').on(t.createdAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
  ],
);

/** The delivery log: one row per HTTP attempt. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    /** auto | manual | test */
    trigger: text('trigger').notNull(),
    succeeded: boolean('succeeded').notNull(),
    responseCode: integer('response_code'),
    latencyMs: integer('latency_ms').notNull(),
    /** The start of the answer, truncated. */
    responseBody: text('response_body'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_attempts_org_id_idx').on(t.orgId),
    index('webhook_attempts_created_at_idx').on(t.createdAt),
    index('webhook_attempts_delivery_idx').on(t.deliveryId, t.createdAt),
  ],
);
