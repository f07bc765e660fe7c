import type { Logger } from '../logger.ts';
import { CircuitBreaker } from './breaker.ts';
import { AiRateLimitedError, AiUnavailableError } from './errors.ts';
import type { ModelRef } from './providers.ts';
import { backoffDelay, classifyFailure, type FailureClass, sleep } from './retry.ts';
import { Semaphore } from './semaphore.ts';

export interface ResiliencePolicy {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
}

/** What one provider shares across all calls of the process. */
export interface ProviderGuard {
  breaker: CircuitBreaker;
  semaphore: Semaphore;
}

export function createProviderGuard(
  name: string,
  options: { concurrency: number; threshold: number; cooldownMs: number; now?: () => number },
): ProviderGuard {
  return {
    breaker: new CircuitBreaker({
      name,
      threshold: options.threshold,
      cooldownMs: options.cooldownMs,
      now: options.now,
    }),
    semaphore: new Semaphore(options.concurrency),
  };
}

export interface GuardedCall<T> {
  ref: ModelRef;
  guard: ProviderGuard;
  policy: ResiliencePolicy;
  logger: Logger;
  /** Secret values to blank out of anything logged. */
  redact: (text: string) => string;
  signal?: AbortSignal;
  /** Sends one request; `signal` fires on the caller's abort or this request's timeout. */
  send: (signal: AbortSignal) => Promise<T>;
  /** Errors that mean the provider answered fine but the content was wrong: passed on, never retried. */
  isContentError: (error: unknown) => boolean;
  /** Called once per request sent. */
  onAttempt: () => void;
  logContext: Record<string, unknown>;
}

/**
 * Sends a request through the provider's breaker and semaphore with a per-request timeout, retrying
 * 429s, 5xx, timeouts and network errors with jittered exponential backoff (or the provider's Retry-After).
 */
export async function sendGuarded<T>(call: GuardedCall<T>): Promise<T> {
  const { ref, guard, policy, signal } = call;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    guard.breaker.check();
    const release = await guard.semaphore.acquire(signal);
    let failure: FailureClass;
    try {
      // Checked again: the circuit may have opened while this call waited for a permit.
      guard.breaker.enter();
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      call.onAttempt();
      try {
        const result = await call.send(signal ? AbortSignal.any([signal, timeout]) : timeout);
        guard.breaker.success();
        return result;
      } catch (error) {
        if (signal?.aborted) {
          guard.breaker.neutral();
          throw signal.reason;
        }
        if (call.isContentError(error)) {
          guard.breaker.success();
          throw error;
        }
        failure = classifyFailure(error, timeout.aborted);
        if (failure.countsAsFailure) guard.breaker.failure();
        else guard.breaker.neutral();
        logFailure(call, attempt, failure, error);
      }
    } finally {
      release();
    }
    const exhausted = !failure.retryable || attempt >= policy.maxAttempts;
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs) {
      throw rateLimited(ref, failure.retryAfterMs);
    }
    if (exhausted) throw finalError(ref, failure);
    const delayMs =
      failure.retryAfterMs ?? backoffDelay(attempt, policy.retryBaseDelayMs, policy.retryMaxDelayMs);
    await sleep(delayMs, signal);
  }
}

function logFailure(call: GuardedCall<unknown>, attempt: number, failure: FailureClass, error: unknown) {
  const message = error instanceof Error ? call.redact(error.message).slice(0, 300) : 'unknown error';
  call.logger.warn(
    {
      ...call.logContext,
      attempt,
      kind: failure.kind,
      status: failure.status,
      retryAfterMs: failure.retryAfterMs,
      message,
    },
    'LLM request failed',
  );
}

const rateLimited = (ref: ModelRef, retryAfterMs: number | undefined) =>
  new AiRateLimitedError(`The ${ref.provider} provider is rate limiting requests`, {
    provider: ref.provider,
    model: ref.modelId,
    retryAfterMs,
  });

// Messages name the provider and status only: provider error bodies can echo prompts or key fragments.
function finalError(ref: ModelRef, failure: FailureClass): AiUnavailableError {
  const who = `The ${ref.provider} provider`;
  const options = { provider: ref.provider, model: ref.modelId };
  switch (failure.kind) {
    case 'rate_limited':
      return rateLimited(ref, failure.retryAfterMs);
    case 'timeout':
      return new AiUnavailableError('timeout', `${who} did not answer in time`, options);
    case 'network':
      return new AiUnavailableError('network', `${who} could not be reached`, options);
    case 'server_error':
      return new AiUnavailableError('server_error', `${who} failed (status ${failure.status})`, options);
    default: {
      const status = failure.status ? ` (status ${failure.status})` : '';
      return new AiUnavailableError('rejected', `${who} rejected the request${status}`, options);
    }
  }
}
