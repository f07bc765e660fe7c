import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogle } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { AiUnavailableError } from './errors.ts';

export interface HostedProviderConfig {
  apiKey: string;
  /** Override for proxies and tests, e.g. `https://api.openai.com/v1`. */
  baseUrl?: string;
}

export interface OpenAiCompatibleConfig {
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama) or `http://vllm:8000/v1`. */
  baseUrl: string;
  apiKey?: string;
  /** The provider half of model addresses, e.g. `ollama` in `ollama:llama3.2`. Default `openai-compatible`. */
  name?: string;
  /** Model used when the caller names none and this is the first configured provider. */
  defaultModel?: string;
  /** Send `response_format: json_schema` (Ollama and vLLM support it). Default true. */
  structuredOutputs?: boolean;
}

/** Everything the AI layer reads from the deployment's configuration. */
export interface AiConfig {
  openai?: HostedProviderConfig;
  anthropic?: HostedProviderConfig;
  google?: HostedProviderConfig;
  openaiCompatible?: OpenAiCompatibleConfig;
  /** `provider:model` used when a call names no model. */
  defaultModel?: string;
  /** Per-request timeout. Default 60 s. */
  timeoutMs?: number;
  /** Requests per call, first one included, for 429, 5xx, timeouts and network errors. Default 3. */
  maxAttempts?: number;
  /** Backoff before retry n is a random delay up to base * 2^(n-1), capped at retryMaxDelayMs. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** A `Retry-After` longer than this fails the call with AiRateLimitedError instead of waiting. */
  maxRetryAfterMs?: number;
  /** Requests in flight per provider, across all calls of this process. Default 8. */
  concurrency?: number;
  /** Consecutive failures that open a provider's circuit. Default 5. */
  breakerThreshold?: number;
  /** How long an open circuit fails fast before letting one trial call through. Default 30 s. */
  breakerCooldownMs?: number;
}

export const COMPATIBLE_PROVIDER = 'openai-compatible';

const DEFAULT_MODELS: Record<string, string> = {
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-haiku-4-5',
  google: 'gemini-2.5-flash',
};

export interface ModelRef {
  provider: string;
  modelId: string;
  /** `provider:model`, the form stored in settings and usage rows. */
  address: string;
}

/** Splits at the first colon only: local model ids carry their own (`ollama:llama3.2:3b`). */
export function parseModelAddress(address: string): { provider: string; modelId: string } | null {
  const at = address.indexOf(':');
  if (at <= 0 || at === address.length - 1) return null;
  return { provider: address.slice(0, at), modelId: address.slice(at + 1) };
}

const compatibleName = (config: AiConfig) => config.openaiCompatible?.name ?? COMPATIBLE_PROVIDER;

/** Names of the providers that have credentials (or, for OpenAI-compatible servers, a base URL). */
export function configuredProviders(config: AiConfig): string[] {
  const names: string[] = [];
  if (config.openai?.apiKey) names.push('openai');
  if (config.anthropic?.apiKey) names.push('anthropic');
  if (config.google?.apiKey) names.push('google');
  if (config.openaiCompatible?.baseUrl) names.push(compatibleName(config));
  return names;
}

type ModelFactory = (modelId: string) => LanguageModel;

function createFactories(config: AiConfig, fetch?: typeof globalThis.fetch): Map<string, ModelFactory> {
  const factories = new Map<string, ModelFactory>();
  const { openai, anthropic, google, openaiCompatible } = config;
  if (openai?.apiKey) {
    const provider = createOpenAI({ apiKey: openai.apiKey, baseURL: openai.baseUrl, fetch });
    factories.set('openai', (id) => provider(id));
  }
  if (anthropic?.apiKey) {
    const provider = createAnthropic({ apiKey: anthropic.apiKey, baseURL: anthropic.baseUrl, fetch });
    factories.set('anthropic', (id) => provider(id));
  }
  if (google?.apiKey) {
    const provider = createGoogle({ apiKey: google.apiKey, baseURL: google.baseUrl, fetch });
    factories.set('google', (id) => provider(id));
  }
  if (openaiCompatible?.baseUrl) {
    const provider = createOpenAICompatible({
      name: compatibleName(config),
      baseURL: openaiCompatible.baseUrl,
      apiKey: openaiCompatible.apiKey,
      supportsStructuredOutputs: openaiCompatible.structuredOutputs ?? true,
      fetch,
    });
    factories.set(compatibleName(config), (id) => provider(id));
  }
  return factories;
}

export interface ProviderRegistry {
  providers: string[];
  /** Resolves an address (or the default model) to a configured provider; throws AiUnavailableError. */
  resolve(address?: string): ModelRef;
  languageModel(ref: ModelRef): LanguageModel;
}

export function createProviderRegistry(
  config: AiConfig,
  options: { fetch?: typeof globalThis.fetch } = {},
): ProviderRegistry {
  const factories = createFactories(config, options.fetch);
  const providers = [...factories.keys()];

  const defaultAddress = (): string | undefined => {
    if (config.defaultModel) return config.defaultModel;
    const first = providers[0];
    if (!first) return undefined;
    const modelId =
      first === compatibleName(config) ? config.openaiCompatible?.defaultModel : DEFAULT_MODELS[first];
    return modelId ? `${first}:${modelId}` : undefined;
  };

  return {
    providers,
    resolve(address) {
      const wanted = address ?? defaultAddress();
      if (!wanted) throw new AiUnavailableError('not_configured', 'No AI provider is configured');
      const parsed = parseModelAddress(wanted);
      if (!parsed) {
        throw new AiUnavailableError('not_configured', `"${wanted}" is not a model address (provider:model)`);
      }
      // The generic name always reaches the OpenAI-compatible server, whatever it is called here.
      const provider = parsed.provider === COMPATIBLE_PROVIDER ? compatibleName(config) : parsed.provider;
      if (!factories.has(provider)) {
        throw new AiUnavailableError(
          'not_configured',
          `The AI provider "${parsed.provider}" is not configured`,
          {
            provider: parsed.provider,
            model: parsed.modelId,
          },
        );
      }
      return { provider, modelId: parsed.modelId, address: `${provider}:${parsed.modelId}` };
    },
    languageModel(ref) {
      const factory = factories.get(ref.provider);
      if (!factory)
        throw new AiUnavailableError('not_configured', `The AI provider "${ref.provider}" is not configured`);
      return factory(ref.modelId);
    },
  };
}
