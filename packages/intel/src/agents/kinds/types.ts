import type { AiClient, JobContext, Platform } from '@assay/core';
import type { intelAgents } from '../../schema.ts';

export interface ArtifactOutput {
  kind: string;
  title: string;
  filename: string;
  contentType: string;
  body: string;
}

/** What one run of an agent kind produced; the runner stores it and the run's cost. */
export interface AgentOutput {
  /** `llm` when a model wrote part of the output; `baseline` when it was computed without one. */
  method: 'llm' | 'baseline';
  summary: Record<string, unknown>;
  periodStart?: Date;
  periodEnd?: Date;
  artifacts: ArtifactOutput[];
}

export interface AgentRunContext {
  platform: Platform;
  job: JobContext;
  agent: typeof intelAgents.$inferSelect;
  config: Record<string, unknown>;
  /** When the agent last completed a run (start of "new" for the report kinds). */
  lastCompletedAt: Date | null;
  /** Set when the organization uses an LLM for intel and a provider is available. */
  llm: { ai: AiClient; model: string | undefined } | null;
}

export type AgentKindRunner = (run: AgentRunContext) => Promise<AgentOutput>;
