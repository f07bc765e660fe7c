import { AiCircuitOpenError } from './errors.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  name: string;
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}

/**
 * Closed: calls pass, consecutive failures are counted. Open (after `threshold` failures): calls fail
 * fast until `cooldownMs` has passed. Half-open: one trial call passes; its success closes the
 * circuit, its failure opens it again for another cool-down.
 */
export class CircuitBreaker {
  readonly name: string;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.threshold = options.threshold;
    this.cooldownMs = options.cooldownMs;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a call would be let through right now (without taking the half-open trial slot). */
  get allowsCalls(): boolean {
    const state = this.state;
    return state === 'closed' || (state === 'half-open' && !this.trialInFlight);
  }

  /** Throws AiCircuitOpenError unless a call would be let through; takes nothing. */
  check(): void {
    if (this.allowsCalls) return;
    const waited = this.now() - (this.openedAt ?? 0);
    throw new AiCircuitOpenError(this.name, Math.max(0, this.cooldownMs - waited));
  }

  /** Lets the call through (as the half-open trial if it is one) or throws; end with success/failure/neutral. */
  enter(): void {
    this.check();
    if (this.state === 'half-open') this.trialInFlight = true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.threshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /** For requests whose outcome says nothing about the provider's health (429, 4xx, caller aborts). */
  neutral(): void {
    this.trialInFlight = false;
  }
}
