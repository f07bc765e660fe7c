import { AppError, engineForModule, getAiSettings, type Platform, type ServiceContext } from '@assay/core';

/**
 * The engine for a new assessment: what the caller asked for, else the organization's setting, else
 * `llm` when an AI provider is configured, else `baseline`. Asking for `llm` without a provider is
 * refused rather than silently downgraded, so a result never claims a method it did not use.
 */
export async function chooseEngine(ctx: ServiceContext, platform: Platform, requested?: 'baseline' | 'llm') {
  const llmAvailable = platform.ai.available();
  if (requested === 'llm' && !llmAvailable) {
    throw new AppError('VALIDATION_ERROR', 'No AI provider is available; use the baseline engine', {
      details: [{ field: 'body.engine', message: 'llm needs a configured provider' }],
    });
  }
  if (requested) return requested;
  return engineForModule(await getAiSettings(ctx.db, ctx.orgId), 'compliance', llmAvailable);
}
