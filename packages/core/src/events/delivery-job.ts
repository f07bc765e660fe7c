import { z } from 'zod';
import type { JobDefinition } from '../jobs/port.ts';

/**
 * The delivery job's name, queue and payload. The core enqueues it (in `emitEvent`); the platform's
 * webhooks feature registers the handler under the same spec.
 */
export const WEBHOOK_DELIVERY_JOB = {
  name: 'webhooks.deliver',
  queue: 'default',
  payload: z
    .object({
      orgId: z.uuid(),
      deliveryId: z.uuid(),
      /** `auto` attempts schedule their own retries; a `manual` redelivery is one attempt. */
      trigger: z.enum(['auto', 'manual']),
    })
    .strict(),
  // Transport-level retries only (a worker crash); HTTP failures are rescheduled by the handler itself.
  maxAttempts: 3,
} as const satisfies Omit<JobDefinition, 'handler'>;

export type WebhookDeliveryPayload = z.infer<typeof WEBHOOK_DELIVERY_JOB.payload>;

/** The spec as a definition for enqueueing: the handler lives in the worker's registration. */
export const deliveryJobForEnqueue = {
  ...WEBHOOK_DELIVERY_JOB,
  handler: async () => {
    throw new Error('enqueue-only definition');
  },
} as JobDefinition;
