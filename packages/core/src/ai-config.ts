import type { AiConfig } from './ai/providers.ts';
import type { Env } from './config.ts';

/** The AI provider section of the configuration; a provider is on when its key (or URL) is set. */
export function aiConfigFrom(e: Env): AiConfig {
  const hosted = (apiKey: string | undefined, baseUrl: string | undefined) =>
    apiKey ? { apiKey, baseUrl } : undefined;
  return {
    openai: hosted(e.OPENAI_API_KEY, e.OPENAI_BASE_URL),
    anthropic: hosted(e.ANTHROPIC_API_KEY, e.ANTHROPIC_BASE_URL),
    google: hosted(e.GOOGLE_GENERATIVE_AI_API_KEY, e.GOOGLE_BASE_URL),
    openaiCompatible: e.OPENAI_COMPATIBLE_BASE_URL
      ? {
          baseUrl: e.OPENAI_COMPATIBLE_BASE_URL,
          apiKey: e.OPENAI_COMPATIBLE_API_KEY,
          name: e.OPENAI_COMPATIBLE_NAME,
          defaultModel: e.OPENAI_COMPATIBLE_MODEL,
          structuredOutputs: e.OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS,
        }
      : undefined,
    defaultModel: e.AI_DEFAULT_MODEL,
    timeoutMs: e.AI_TIMEOUT_MS,
    maxAttempts: e.AI_MAX_ATTEMPTS,
    retryBaseDelayMs: e.AI_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: e.AI_RETRY_MAX_DELAY_MS,
    maxRetryAfterMs: e.AI_MAX_RETRY_AFTER_MS,
    concurrency: e.AI_CONCURRENCY,
    breakerThreshold: e.AI_BREAKER_THRESHOLD,
    breakerCooldownMs: e.AI_BREAKER_COOLDOWN_MS,
  };
}
