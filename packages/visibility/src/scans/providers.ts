import { AppError, type ErrorDetail, type Platform, parseModelAddress, supportsWebSearch } from '@assay/core';

/** How to give the platform an LLM, shown wherever a scan cannot run without one. */
export const CONFIGURE_PROVIDER_HELP =
  'Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GOOGLE_GENERATIVE_AI_API_KEY for a hosted provider, ' +
  'or point OPENAI_COMPATIBLE_BASE_URL at a local OpenAI-compatible server (for example Ollama: ' +
  'OPENAI_COMPATIBLE_BASE_URL=http://127.0.0.1:11434/v1, OPENAI_COMPATIBLE_NAME=ollama, ' +
  'OPENAI_COMPATIBLE_MODEL=llama3.2), then restart the API and the worker. ' +
  'Without a provider you can still import answers collected elsewhere (POST /v1/answers/import).';

export function noProviderError(): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `A scan needs an LLM provider and none is configured. ${CONFIGURE_PROVIDER_HELP}`,
    {
      extra: {
        configure: { hosted: ['openai', 'anthropic', 'google'], local: 'openai-compatible (Ollama, vLLM)' },
      },
    },
  );
}

/** The provider half of an address, with the generic OpenAI-compatible name resolved to the configured one. */
export function providerOf(platform: Platform, address: string): string {
  const parsed = parseModelAddress(address);
  if (!parsed) return address;
  if (parsed.provider === 'openai-compatible')
    return (
      platform.ai.providers.find((p) => !['openai', 'anthropic', 'google'].includes(p)) ?? parsed.provider
    );
  return parsed.provider;
}

/**
 * Model addresses a scan can use: each names a configured provider, and with web search on, one that
 * can search. Throws 503 with setup help when no provider is configured at all, 422 per bad model.
 */
export function assertModelsUsable(
  platform: Platform,
  models: string[],
  webSearch: boolean,
  field = 'models',
) {
  if (platform.ai.providers.length === 0) throw noProviderError();
  const details: ErrorDetail[] = [];
  models.forEach((address, i) => {
    const parsed = parseModelAddress(address);
    const provider = providerOf(platform, address);
    if (!parsed) details.push({ field: `${field}[${i}]`, message: 'not a model address (provider:model)' });
    else if (!platform.ai.providers.includes(provider))
      details.push({
        field: `${field}[${i}]`,
        message: `the provider "${parsed.provider}" is not configured here (configured: ${platform.ai.providers.join(', ')})`,
      });
    else if (webSearch && !supportsWebSearch(provider))
      details.push({
        field: `${field}[${i}]`,
        message: `"${provider}" cannot search the web; turn web_search off or use OpenAI, Anthropic or Google`,
      });
  });
  if (new Set(models).size !== models.length) details.push({ field, message: 'a model is listed twice' });
  if (details.length > 0)
    throw new AppError('VALIDATION_ERROR', 'Some models cannot be used for scans', { details });
}
