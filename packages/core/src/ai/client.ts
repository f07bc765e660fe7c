import type { Db } from '@assay/db';
import { type LanguageModelUsage, type ModelMessage, Output, generateText as sdkGenerateText } from 'ai';
import type { ZodType } from 'zod';
import type { Logger } from '../logger.ts';
import { AiOutputError, AiUnavailableError } from './errors.ts';
import { DEFAULT_PRICES, type PriceTable } from './prices.ts';
import { type AiConfig, createProviderRegistry } from './providers.ts';
import { InvalidOutput, repairMessages, toInvalidOutput } from './structured.ts';
import { type CallScope, createCallTracker } from './tracking.ts';
import { webSearchTools } from './web-search.ts';

export interface AiClientOptions {
  config: AiConfig;
  db: Db;
  logger: Logger;
  /** Merged over DEFAULT_PRICES. */
  prices?: PriceTable;
  /** Clock for the circuit breakers (tests move it forward). */
  now?: () => number;
}

export interface AiCallParams {
  orgId: string;
  jobId?: string;
  /** The product module making the call (`compliance`, `visibility`, `intel`), for usage reports. */
  module: string;
  /** `provider:model`; the configured default when omitted. */
  model?: string;
  system?: string;
  prompt: string;
  maxOutputTokens?: number;
  temperature?: number;
  /** Per-request timeout for this call, instead of the configured one (long documents, slow models). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** generateText only: let the model search the web (providers in WEB_SEARCH_PROVIDERS; others refuse). */
  webSearch?: boolean;
}

/** A source the provider says the answer drew on (web-search citations, grounding chunks). */
export interface AiSource {
  url: string;
  title: string | null;
}

export interface AiObjectParams<T> extends AiCallParams {
  schema: ZodType<T>;
  /** Shown to providers that name structured outputs (letters, digits, `_` and `-`). */
  schemaName?: string;
}

export interface AiUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface AiCallResult {
  usage: AiUsage;
  costMicros: number;
  /** The `provider:model` address that answered. */
  model: string;
  /** Requests sent: retries and the structured-output repair included. */
  attempts: number;
}

export interface AiClient {
  generateObject<T>(params: AiObjectParams<T>): Promise<AiCallResult & { object: T }>;
  generateText(params: AiCallParams): Promise<AiCallResult & { text: string; sources: AiSource[] }>;
  /** Whether a call to `model` (or the default) could be sent now: provider configured, circuit not open. */
  available(model?: string): boolean;
  /** Names of the configured providers. */
  providers: string[];
}

const sdkSettings = (params: AiCallParams, scope: CallScope) => ({
  model: scope.model,
  instructions: params.system,
  maxOutputTokens: params.maxOutputTokens,
  temperature: params.temperature,
  // Ours are the only retries: they share the breaker, the semaphore and the Retry-After handling.
  maxRetries: 0,
  // OpenAI's Responses API keeps responses unless told not to; tenant documents should not be kept.
  providerOptions: { openai: { store: false } },
});

/**
 * The one way product modules call LLMs: typed results, retries, per-provider circuit breakers and
 * concurrency limits, structured output with one repair attempt, and a usage row per call.
 */
export function createAiClient(options: AiClientOptions): AiClient {
  // The SDK prints provider warnings to the console unless given a logger; the first client provides one.
  globalThis.AI_SDK_LOG_WARNINGS ??= ({ warnings, provider, model }) =>
    options.logger.warn({ provider, model, warnings }, 'AI SDK warning');
  const registry = createProviderRegistry(options.config);
  const tracker = createCallTracker({
    ...options,
    registry,
    prices: { ...DEFAULT_PRICES, ...options.prices },
  });

  /** One request for the object; unusable output comes back as InvalidOutput, other failures as AiErrors. */
  const askForObject = <T>(
    scope: CallScope,
    params: AiObjectParams<T>,
    prompt: { prompt: string } | { messages: ModelMessage[] },
  ) =>
    scope.send(async (abortSignal) => {
      let usage: LanguageModelUsage | undefined;
      try {
        const response = await sdkGenerateText({
          ...sdkSettings(params, scope),
          ...prompt,
          output: Output.object({ schema: params.schema, name: params.schemaName }),
          abortSignal,
        });
        usage = response.usage;
        return { usage, object: response.output as T };
      } catch (error) {
        throw toInvalidOutput(error, usage) ?? error;
      }
    });

  /** Asks, and if the output is unusable asks once more with what was wrong; then gives up. */
  async function objectWithRepair<T>(scope: CallScope, params: AiObjectParams<T>): Promise<T> {
    let invalid: InvalidOutput;
    try {
      return (await askForObject(scope, params, { prompt: params.prompt })).object;
    } catch (error) {
      if (!(error instanceof InvalidOutput)) throw error;
      invalid = error;
    }
    scope.addUsage(invalid.usage);
    options.logger.warn(
      { ...scope.logContext, problem: invalid.problem },
      'LLM output invalid; asking once more',
    );
    try {
      return (await askForObject(scope, params, { messages: repairMessages(params.prompt, invalid) })).object;
    } catch (error) {
      if (!(error instanceof InvalidOutput)) throw error;
      scope.addUsage(error.usage);
      throw new AiOutputError('The model did not return output matching the schema', {
        provider: scope.ref.provider,
        model: scope.ref.modelId,
        text: error.text,
      });
    }
  }

  async function generateObject<T>(params: AiObjectParams<T>) {
    const { value, ...result } = await tracker.track(params, (scope) => objectWithRepair(scope, params));
    return { object: value, ...result };
  }

  async function generateText(params: AiCallParams) {
    const { value, ...result } = await tracker.track(params, async (scope) => {
      const tools = params.webSearch ? webSearchTools(scope.ref.provider) : undefined;
      if (tools === null) {
        throw new AiUnavailableError(
          'rejected',
          `The AI provider "${scope.ref.provider}" cannot search the web`,
          {
            provider: scope.ref.provider,
            model: scope.ref.modelId,
          },
        );
      }
      const response = await scope.send((abortSignal) =>
        sdkGenerateText({ ...sdkSettings(params, scope), prompt: params.prompt, tools, abortSignal }),
      );
      const sources = response.sources.flatMap((s) =>
        s.sourceType === 'url' ? [{ url: s.url, title: s.title ?? null }] : [],
      );
      return { text: response.text, sources };
    });
    return { ...value, ...result };
  }

  return {
    providers: registry.providers,
    generateObject,
    generateText,
    available(model) {
      try {
        return tracker.guardFor(registry.resolve(model).provider).breaker.allowsCalls;
      } catch {
        return false;
      }
    },
  };
}
