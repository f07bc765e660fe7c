export interface BackoffOptions {
  /** Delay before the second attempt. Default 2 000 ms. */
  baseMs: number;
  factor: number;
  maxMs: number;
  /** Fraction of the delay removed at random (0-1), so failures that happened together do not retry together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, factor: 2, maxMs: 10 * 60_000, jitter: 0.2 };

/** Delay after failed attempt number `attempt` (1-based): base * factor^(attempt-1), capped, minus jitter. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const exponential = options.baseMs * options.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxMs, exponential);
  return Math.round(capped * (1 - options.jitter * random()));
}
