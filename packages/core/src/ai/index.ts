export {
  type AiCallParams,
  type AiCallResult,
  type AiClient,
  type AiClientOptions,
  type AiObjectParams,
  type AiSource,
  type AiUsage,
  createAiClient,
} from './client.ts';
export {
  AiCircuitOpenError,
  AiError,
  AiOutputError,
  AiRateLimitedError,
  AiUnavailableError,
  type AiUnavailableReason,
  isAiUnavailable,
} from './errors.ts';
export { costMicros, DEFAULT_PRICES, type ModelPrice, type PriceTable, priceFor } from './prices.ts';
export {
  type AiConfig,
  COMPATIBLE_PROVIDER,
  configuredProviders,
  type HostedProviderConfig,
  type ModelRef,
  type OpenAiCompatibleConfig,
  parseModelAddress,
} from './providers.ts';
export {
  aiSettingsInput,
  engineForModule,
  getAiSettings,
  type OrgAiSettings,
  saveAiSettings,
} from './settings.ts';
export { type LlmUsageGroup, type LlmUsageSummary, type LlmUsageTotals, llmUsageSummary } from './usage.ts';
export { supportsWebSearch, WEB_SEARCH_PROVIDERS, webSearchTools } from './web-search.ts';
