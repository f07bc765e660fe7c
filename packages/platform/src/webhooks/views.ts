import type { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@assay/db';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toEndpointView = (row: EndpointRow) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  event_types: row.eventTypes,
  enabled: row.enabled,
  disabled_reason: row.disabledReason,
  secret_prefix: row.secretPrefix,
  consecutive_failures: row.consecutiveFailures,
  last_success_at: iso(row.lastSuccessAt),
  last_failure_at: iso(row.lastFailureAt),
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export const toAttemptView = (row: AttemptRow) => ({
  id: row.id,
  attempt: row.attempt,
  trigger: row.trigger as 'auto' | 'manual' | 'test',
  succeeded: row.succeeded,
  response_code: row.responseCode,
  latency_ms: row.latencyMs,
  response_body: row.responseBody,
  error: row.error,
  created_at: row.createdAt.toISOString(),
});

export const toDeliveryView = (row: DeliveryRow, last: AttemptRow | null) => ({
  id: row.id,
  endpoint_id: row.endpointId,
  event_id: row.eventId,
  event_type: row.eventType,
  status: row.status as 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped',
  attempts: row.attempts,
  next_attempt_at: iso(row.nextAttemptAt),
  last_response_code: row.lastStatusCode,
  last_error: row.lastError,
  last_latency_ms: last?.latencyMs ?? null,
  last_response_body: last?.responseBody ?? null,
  delivered_at: iso(row.deliveredAt),
  created_at: row.createdAt.toISOString(),
});
