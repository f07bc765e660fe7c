/** USD per million tokens. A price per million tokens in USD is also the price per token in USD millionths. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** Keyed by `provider:model` or by bare model id; dated snapshots match their base id (see priceFor). */
export type PriceTable = Record<string, ModelPrice>;

/**
 * List prices for standard (non-batch, uncached, short-context) usage. They change: callers pass
 * overrides to createAiClient, and a model missing here is recorded at cost 0 (self-hosted models are).
 */
export const DEFAULT_PRICES: PriceTable = {
  'openai:gpt-5': { input: 1.25, output: 10 },
  'openai:gpt-5.1': { input: 1.25, output: 10 },
  'openai:gpt-5-mini': { input: 0.25, output: 2 },
  'openai:gpt-5-nano': { input: 0.05, output: 0.4 },
  'openai:gpt-4.1': { input: 2, output: 8 },
  'openai:gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'openai:gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'openai:gpt-4o': { input: 2.5, output: 10 },
  'openai:gpt-4o-mini': { input: 0.15, output: 0.6 },
  'openai:o3': { input: 2, output: 8 },
  'openai:o4-mini': { input: 1.1, output: 4.4 },
  'anthropic:claude-opus-4-5': { input: 5, output: 25 },
  'anthropic:claude-opus-4-1': { input: 15, output: 75 },
  'anthropic:claude-opus-4': { input: 15, output: 75 },
  'anthropic:claude-sonnet-4-5': { input: 3, output: 15 },
  'anthropic:claude-sonnet-4': { input: 3, output: 15 },
  'anthropic:claude-haiku-4-5': { input: 1, output: 5 },
  'anthropic:claude-3-7-sonnet': { input: 3, output: 15 },
  'anthropic:claude-3-5-haiku': { input: 0.8, output: 4 },
  'google:gemini-3-pro-preview': { input: 2, output: 12 },
  'google:gemini-2.5-pro': { input: 1.25, output: 10 },
  'google:gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'google:gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
  'google:gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'google:gemini-2.0-flash-lite': { input: 0.075, output: 0.3 },
};

/** Longest key that is the id itself or the id's prefix up to a `-` (`gpt-4.1-mini-2025-04-14` -> `gpt-4.1-mini`). */
function longestPrefixKey(keys: string[], id: string): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const matches = id === key || (id.startsWith(key) && id[key.length] === '-');
    if (matches && (!best || key.length > best.length)) best = key;
  }
  return best;
}

export function priceFor(prices: PriceTable, provider: string, modelId: string): ModelPrice | undefined {
  const keys = Object.keys(prices);
  const qualified = longestPrefixKey(keys, `${provider}:${modelId}`);
  if (qualified) return prices[qualified];
  const bare = longestPrefixKey(
    keys.filter((key) => !key.includes(':')),
    modelId,
  );
  return bare ? prices[bare] : undefined;
}

/** Cost in USD millionths, rounded to a whole micro-dollar. */
export function costMicros(price: ModelPrice | undefined, inputTokens: number, outputTokens: number): number {
  if (!price) return 0;
  return Math.round(inputTokens * price.input + outputTokens * price.output);
}
