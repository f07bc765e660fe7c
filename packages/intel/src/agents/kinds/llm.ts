import { AiError } from '@assay/core';
import type { AgentRunContext } from './types.ts';

/**
 * Asks the model for prose; on any AI failure answers null so the caller keeps its baseline text
 * (the run is labelled accordingly) instead of failing a report that needs no model to exist.
 */
export async function llmProse(
  run: AgentRunContext,
  prompt: { system: string; prompt: string; maxOutputTokens?: number },
): Promise<string | null> {
  if (!run.llm) return null;
  try {
    const result = await run.llm.ai.generateText({
      orgId: run.agent.orgId,
      jobId: run.job.jobId,
      module: 'intel',
      model: run.llm.model,
      system: prompt.system,
      prompt: prompt.prompt,
      maxOutputTokens: prompt.maxOutputTokens ?? 800,
      signal: run.job.signal,
    });
    const text = result.text.trim();
    return text || null;
  } catch (error) {
    if (error instanceof AiError) {
      run.job.logger.warn({ err: error }, 'agent LLM call failed; keeping the baseline text');
      return null;
    }
    throw error;
  }
}
