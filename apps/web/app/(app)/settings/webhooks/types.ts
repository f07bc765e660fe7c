import { z } from 'zod';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  enabled: boolean;
  disabled_reason: string | null;
  secret_prefix: string;
  consecutive_failures: number;
  last_success_at: string | null;
  last_failure_at: string | null;
  created_at: string;
}

export interface EventType {
  type: string;
  version: number;
  description: string;
}

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  next_attempt_at: string | null;
  last_response_code: number | null;
  last_error: string | null;
  last_latency_ms: number | null;
  last_response_body: string | null;
  delivered_at: string | null;
  created_at: string;
}

/** The create form, checked in the browser and again in the action. */
export const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the URL that receives the events')
    .max(2000)
    .refine((value) => /^https?:\/\//i.test(value), 'Enter an https:// URL'),
  description: z.string().trim().max(500).optional(),
  event_types: z.array(z.string()).min(1, 'Pick at least one event type, or all of them'),
});
