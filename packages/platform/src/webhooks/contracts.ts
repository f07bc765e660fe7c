import { EVENT_TYPES } from '@assay/core';
import { z } from 'zod';

export const eventTypeFilter = z
  .array(z.enum(['*', ...EVENT_TYPES.filter((type) => type !== 'webhook.ping')]))
  .min(1)
  .max(50)
  .describe('Event types to deliver, or `["*"]` for all of them');

export const endpointView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  event_types: z.array(z.string()),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable(),
  secret_prefix: z.string().describe('The first characters of the signing secret'),
  consecutive_failures: z.number().int(),
  last_success_at: z.string().nullable(),
  last_failure_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const createEndpointBody = z
  .object({
    url: z.string().trim().min(1).max(2000),
    description: z.string().trim().max(500).optional(),
    event_types: eventTypeFilter,
    enabled: z.boolean().optional(),
  })
  .strict();

export const updateEndpointBody = z
  .object({
    url: z.string().trim().min(1).max(2000).optional(),
    description: z.string().trim().max(500).optional(),
    event_types: eventTypeFilter.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const withSecret = endpointView.extend({
  secret: z.string().describe('Shown in this response only: keep it to verify `Assay-Signature`'),
});

export const attemptView = z.object({
  id: z.uuid(),
  attempt: z.number().int(),
  trigger: z.enum(['auto', 'manual', 'test']),
  succeeded: z.boolean(),
  response_code: z.number().int().nullable(),
  latency_ms: z.number().int(),
  response_body: z.string().nullable().describe('The start of the answer (truncated)'),
  error: z.string().nullable(),
  created_at: z.string(),
});

export const deliveryView = z.object({
  id: z.uuid(),
  endpoint_id: z.uuid(),
  event_id: z.uuid(),
  event_type: z.string(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed', 'skipped']),
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_response_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  last_latency_ms: z.number().int().nullable(),
  last_response_body: z.string().nullable(),
  delivered_at: z.string().nullable(),
  created_at: z.string(),
});

export const deliveryDetail = deliveryView.extend({
  event: z.record(z.string(), z.unknown()).describe('The envelope as sent'),
  attempt_log: z.array(attemptView),
});

export const eventTypeView = z.object({
  type: z.string(),
  version: z.number().int(),
  description: z.string(),
  schema: z.record(z.string(), z.unknown()).describe('JSON Schema (2020-12) of the delivered envelope'),
});
