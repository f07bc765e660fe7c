import { APICallError } from 'ai';

/** How one failed request is treated: retried or not, and whether it counts against the provider's health. */
export interface FailureClass {
  kind: 'rate_limited' | 'server_error' | 'timeout' | 'network' | 'rejected';
  retryable: boolean;
  /** 5xx, timeouts and network errors say the provider is unwell; 4xx (429 included) say nothing about that. */
  countsAsFailure: boolean;
  status?: number;
  retryAfterMs?: number;
}

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110), or OpenAI's `retry-after-ms`. */
export function parseRetryAfter(
  headers: Record<string, string> | undefined,
  now = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function classifyFailure(error: unknown, timedOut: boolean): FailureClass {
  if (timedOut) return { kind: 'timeout', retryable: true, countsAsFailure: true };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === 429) {
      return {
        kind: 'rate_limited',
        retryable: true,
        countsAsFailure: false,
        status,
        retryAfterMs: parseRetryAfter(error.responseHeaders),
      };
    }
    if (status !== undefined && (status >= 500 || status === 408)) {
      return { kind: 'server_error', retryable: true, countsAsFailure: true, status };
    }
    if (status === undefined && error.isRetryable)
      return { kind: 'network', retryable: true, countsAsFailure: true };
    return { kind: 'rejected', retryable: false, countsAsFailure: false, status };
  }
  return { kind: 'rejected', retryable: false, countsAsFailure: false };
}

/** Full jitter: a random delay up to base * 2^(attempt-1), capped, so retrying callers spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
