import { assertPublicUrl, type OutboundPolicy, SafeFetchError, safeFetch } from '@assay/core';
import { deliveryPolicy } from './policy.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';

export interface SendInput {
  url: string;
  secret: string;
  /** The event's stored body: the exact bytes that are signed and sent on every attempt. */
  body: string;
  eventId: string;
  eventType: string;
  deliveryId: string;
  attempt: number;
}

export interface SendOutcome {
  succeeded: boolean;
  /** A timeout, a 429, a 5xx or a connection failure: trying later may work. */
  retryable: boolean;
  responseCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

const truncate = (text: string) =>
  text.length > deliveryPolicy.responseBodyChars
    ? `${text.slice(0, deliveryPolicy.responseBodyChars)}…`
    : text;

const RETRYABLE_FETCH_ERRORS = new Set(['timeout', 'network']);

/**
 * One signed POST. The address is checked again here (it may have changed since the endpoint was
 * saved) and at connect time by `safeFetch`; redirects are not followed: a receiver answers itself.
 */
export async function sendDelivery(input: SendInput, policy: OutboundPolicy): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await assertPublicUrl(input.url, policy);
    const response = await safeFetch(input.url, {
      ...policy,
      method: 'POST',
      body: input.body,
      maxRedirects: 0,
      timeoutMs: deliveryPolicy.timeoutMs,
      maxBytes: 256 * 1024,
      userAgent: 'Assay-Webhooks/1.0',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signatureHeader(input.secret, input.body),
        'Assay-Event-Id': input.eventId,
        'Assay-Event-Type': input.eventType,
        'Assay-Delivery-Id': input.deliveryId,
        'Assay-Delivery-Attempt': String(input.attempt),
      },
    });
    const status = response.status;
    const succeeded = status >= 200 && status < 300;
    return {
      succeeded,
      retryable: status === 429 || status >= 500,
      responseCode: status,
      latencyMs: elapsed(),
      responseBody: truncate(response.text()),
      error: succeeded
        ? null
        : status >= 300 && status < 400
          ? `Redirects are not followed (answered ${status})`
          : `Answered ${status}`,
    };
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    return {
      succeeded: false,
      retryable: RETRYABLE_FETCH_ERRORS.has(error.code),
      responseCode: null,
      latencyMs: elapsed(),
      responseBody: null,
      error: error.message,
    };
  }
}
