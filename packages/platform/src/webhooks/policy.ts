/**
 * How deliveries retry and when an endpoint is switched off. One object so that tests can shorten the
 * schedule in their own process; nothing else writes it.
 */
export const deliveryPolicy = {
  /** Wait before each retry after a timeout, a 429, a 5xx or a connection failure: 10 attempts over about 24 h. */
  retryDelaysMs: [
    30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000,
  ],
  /** Random share removed from each wait, so endpoints that failed together do not retry together. */
  jitter: 0.1,
  /** Deliveries that ended failed in a row before the endpoint is disabled and its admins are told. */
  disableAfterFailures: 5,
  timeoutMs: 10_000,
  /** Characters of the receiver's answer kept in the delivery log. */
  responseBodyChars: 1_000,
};

export function retryDelay(attemptsSoFar: number, random = Math.random): number | undefined {
  const base = deliveryPolicy.retryDelaysMs[attemptsSoFar - 1];
  if (base === undefined) return undefined;
  return Math.round(base * (1 - deliveryPolicy.jitter * random()));
}
