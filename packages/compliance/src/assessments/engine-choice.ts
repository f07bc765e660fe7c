import { AppError, type Platform, type ServiceContext } from '@assay/core';

/**
 * The engine for a new assessment: what the caller asked for, else `llm` when an AI provider is
 * configured, else `baseline`. Asking for `llm` without a provider is refused rather than silently
 * downgraded, so a result never claims a method it did not use.
 */
export async function chooseEngine(_ctx: ServiceContext, platform: Platform, requested?: 'baseline' | 'llm') {
  const llmAvailable = platform.ai.available();
  if (requested === 'llm' && !llmAvailable) {
    throw new AppError('VALIDATION_ERROR', 'No AI provider is configured; use the baseline engine', {
      details: [{ field: 'body.engine', message: 'llm needs a configured provider' }],
    });
  }
  return requested ?? (llmAvailable ? 'llm' : 'baseline');
}
