import { AppError, type ErrorCode } from '../errors.ts';

export type AiUnavailableReason =
  | 'not_configured'
  | 'timeout'
  | 'network'
  | 'server_error'
  | 'rate_limited'
  | 'circuit_open'
  | 'rejected';

interface AiErrorOptions {
  provider?: string;
  model?: string;
  cause?: unknown;
  headers?: Record<string, string>;
}

/** Base of every error the AI client throws; an AppError, so the API answers it in the usual envelope. */
export class AiError extends AppError {
  readonly provider: string | undefined;
  readonly model: string | undefined;

  constructor(code: ErrorCode, message: string, options: AiErrorOptions = {}) {
    super(code, message, { cause: options.cause, headers: options.headers });
    this.name = 'AiError';
    this.provider = options.provider;
    this.model = options.model;
  }
}

/**
 * The model could not answer: not configured, down, too slow or refusing the request. Modules with a
 * baseline engine catch this one class (its subclasses included) to fall back.
 */
export class AiUnavailableError extends AiError {
  readonly reason: AiUnavailableReason;

  constructor(
    reason: AiUnavailableReason,
    message: string,
    options: AiErrorOptions & { code?: ErrorCode } = {},
  ) {
    super(options.code ?? 'SERVICE_UNAVAILABLE', message, options);
    this.name = 'AiUnavailableError';
    this.reason = reason;
  }
}

const retryAfterHeader = (ms: number | undefined): Record<string, string> | undefined =>
  ms === undefined ? undefined : { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) };

/** The provider kept answering 429, or asked us to wait longer than we are willing to wait in-process. */
export class AiRateLimitedError extends AiUnavailableError {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: AiErrorOptions & { retryAfterMs?: number } = {}) {
    super('rate_limited', message, {
      ...options,
      code: 'RATE_LIMITED',
      headers: retryAfterHeader(options.retryAfterMs),
    });
    this.name = 'AiRateLimitedError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The provider's circuit breaker is open: the call was not sent. */
export class AiCircuitOpenError extends AiUnavailableError {
  readonly retryAfterMs: number;

  constructor(provider: string, retryAfterMs: number) {
    super('circuit_open', `The ${provider} provider is failing; calls are paused for a short while`, {
      provider,
      headers: retryAfterHeader(retryAfterMs),
    });
    this.name = 'AiCircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** The model answered, but not with output matching the schema, even after one repair attempt. */
export class AiOutputError extends AiError {
  /** The last text the model produced (may be long; never logged by the client). */
  readonly text: string | undefined;

  constructor(message: string, options: AiErrorOptions & { text?: string } = {}) {
    super('INTERNAL_ERROR', message, options);
    this.name = 'AiOutputError';
    this.text = options.text;
  }
}

export const isAiUnavailable = (error: unknown): error is AiUnavailableError =>
  error instanceof AiUnavailableError;
