import { anthropic } from '@ai-sdk/anthropic';
import { google } from '@ai-sdk/google';
import { openai } from '@ai-sdk/openai';
import type { ToolSet } from 'ai';

/**
 * Providers whose API can search the web while answering (a provider-executed tool). OpenAI-compatible
 * servers (Ollama, vLLM) have no such tool: web search is refused for them rather than silently ignored.
 */
export const WEB_SEARCH_PROVIDERS = ['openai', 'anthropic', 'google'] as const;

export const supportsWebSearch = (provider: string): boolean =>
  (WEB_SEARCH_PROVIDERS as readonly string[]).includes(provider);

/** The tool set turning web search on for `provider`, or null when it has none. */
export function webSearchTools(provider: string): ToolSet | null {
  if (provider === 'openai') return { web_search: openai.tools.webSearch({}) };
  if (provider === 'anthropic') return { web_search: anthropic.tools.webSearch_20250305({ maxUses: 3 }) };
  if (provider === 'google') return { google_search: google.tools.googleSearch({}) };
  return null;
}
