import type { Db } from '@assay/db';
import type { LanguageModel, LanguageModelUsage } from 'ai';
import type { Logger } from '../logger.ts';
import { AiOutputError, AiUnavailableError } from './errors.ts';
import { costMicros, type PriceTable, priceFor } from './prices.ts';
import type { AiConfig, ModelRef, ProviderRegistry } from './providers.ts';
import { createProviderGuard, type ProviderGuard, type ResiliencePolicy, sendGuarded } from './resilience.ts';
import { InvalidOutput } from './structured.ts';
import { recordLlmUsage } from './usage.ts';

const DEFAULTS = {
  timeoutMs: 60_000,
  maxAttempts: 3,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  concurrency: 8,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/** What the client hands to the body of one logical call. */
export interface CallScope {
  ref: ModelRef;
  model: LanguageModel;
  logContext: Record<string, unknown>;
  /** Sends one request through the provider's guard (retries included) and counts its tokens. */
  send<R extends { usage: LanguageModelUsage }>(request: (signal: AbortSignal) => Promise<R>): Promise<R>;
  /** Counts tokens of a response that was not returned through send (an unusable structured output). */
  addUsage(usage: LanguageModelUsage | undefined): void;
}

export interface TrackedParams {
  orgId: string;
  jobId?: string;
  module: string;
  model?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

function errorCode(error: unknown, signal: AbortSignal | undefined): string {
  if (error instanceof AiUnavailableError) return error.reason;
  if (error instanceof AiOutputError) return 'invalid_output';
  if (signal?.aborted) return 'aborted';
  return 'internal';
}

export function createCallTracker(options: {
  config: AiConfig;
  db: Db;
  logger: Logger;
  registry: ProviderRegistry;
  prices: PriceTable;
  now?: () => number;
}) {
  const { config, db, logger, registry, prices } = options;
  const policy: ResiliencePolicy = {
    timeoutMs: config.timeoutMs ?? DEFAULTS.timeoutMs,
    maxAttempts: Math.max(1, config.maxAttempts ?? DEFAULTS.maxAttempts),
    retryBaseDelayMs: config.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
    retryMaxDelayMs: config.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    maxRetryAfterMs: config.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
  };
  const guards = new Map<string, ProviderGuard>();
  const guardFor = (provider: string): ProviderGuard => {
    let guard = guards.get(provider);
    if (!guard) {
      guard = createProviderGuard(provider, {
        concurrency: config.concurrency ?? DEFAULTS.concurrency,
        threshold: config.breakerThreshold ?? DEFAULTS.breakerThreshold,
        cooldownMs: config.breakerCooldownMs ?? DEFAULTS.breakerCooldownMs,
        now: options.now,
      });
      guards.set(provider, guard);
    }
    return guard;
  };
  const secrets = [config.openai, config.anthropic, config.google, config.openaiCompatible]
    .map((provider) => provider?.apiKey)
    .filter((key): key is string => !!key && key.length >= 4);
  const redact = (text: string) =>
    secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);

  /** Resolves the model, runs `body`, and records one usage row whatever the outcome. */
  async function track<R>(params: TrackedParams, body: (scope: CallScope) => Promise<R>) {
    const ref = registry.resolve(params.model);
    const tally = { attempts: 0, inputTokens: 0, outputTokens: 0 };
    const logContext = {
      orgId: params.orgId,
      jobId: params.jobId,
      module: params.module,
      model: ref.address,
    };
    const addUsage = (usage: LanguageModelUsage | undefined) => {
      tally.inputTokens += usage?.inputTokens ?? 0;
      tally.outputTokens += usage?.outputTokens ?? 0;
    };
    const scope: CallScope = {
      ref,
      model: registry.languageModel(ref),
      logContext,
      addUsage,
      async send(request) {
        const response = await sendGuarded({
          ref,
          guard: guardFor(ref.provider),
          policy: params.timeoutMs ? { ...policy, timeoutMs: params.timeoutMs } : policy,
          logger,
          redact,
          signal: params.signal,
          send: request,
          isContentError: (error) => error instanceof InvalidOutput,
          onAttempt: () => {
            tally.attempts += 1;
          },
          logContext,
        });
        addUsage(response.usage);
        return response;
      },
    };
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    let code: string | null = null;
    try {
      const value = await body(scope);
      outcome = 'ok';
      return {
        value,
        usage: { inputTokens: tally.inputTokens, outputTokens: tally.outputTokens },
        costMicros: costMicros(
          priceFor(prices, ref.provider, ref.modelId),
          tally.inputTokens,
          tally.outputTokens,
        ),
        model: ref.address,
        attempts: tally.attempts,
      };
    } catch (error) {
      code = errorCode(error, params.signal);
      throw error;
    } finally {
      const row = {
        orgId: params.orgId,
        jobId: params.jobId,
        module: params.module,
        provider: ref.provider,
        model: ref.modelId,
        inputTokens: tally.inputTokens,
        outputTokens: tally.outputTokens,
        costMicros: costMicros(
          priceFor(prices, ref.provider, ref.modelId),
          tally.inputTokens,
          tally.outputTokens,
        ),
        durationMs: Math.round(performance.now() - started),
        attempts: tally.attempts,
        outcome,
        errorCode: code,
      };
      logger.debug({ ...logContext, ...row }, 'LLM call finished');
      // A lost usage row must not fail a call that already succeeded (or hide why it failed).
      await recordLlmUsage(db, row).catch((error: unknown) => {
        logger.error(
          { ...logContext, error: error instanceof Error ? error.message : String(error) },
          'could not record LLM usage',
        );
      });
    }
  }

  return { track, guardFor };
}
