import { type Db, llmUsage } from '@assay/db';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';

export interface LlmUsageRecord {
  orgId: string;
  jobId?: string | null;
  module: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  durationMs: number;
  attempts: number;
  outcome: 'ok' | 'error';
  errorCode?: string | null;
}

export async function recordLlmUsage(db: Db, record: LlmUsageRecord): Promise<void> {
  await db
    .insert(llmUsage)
    .values({ ...record, jobId: record.jobId ?? null, errorCode: record.errorCode ?? null });
}

export interface LlmUsageTotals {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
}

export interface LlmUsageGroup extends LlmUsageTotals {
  provider: string;
  model: string;
  module: string;
}

export interface LlmUsageSummary {
  from: Date;
  to: Date;
  totals: LlmUsageTotals;
  groups: LlmUsageGroup[];
}

const totals = {
  calls: sql<number>`count(*)::int`.mapWith(Number),
  errors: sql<number>`count(*) filter (where ${llmUsage.outcome} = 'error')::int`.mapWith(Number),
  inputTokens: sql<number>`coalesce(sum(${llmUsage.inputTokens}), 0)::bigint`.mapWith(Number),
  outputTokens: sql<number>`coalesce(sum(${llmUsage.outputTokens}), 0)::bigint`.mapWith(Number),
  costMicros: sql<number>`coalesce(sum(${llmUsage.costMicros}), 0)::bigint`.mapWith(Number),
};

/** An organization's LLM calls in [from, to): per provider, model and module, and overall. */
export async function llmUsageSummary(
  db: Db,
  orgId: string,
  range: { from: Date; to: Date },
): Promise<LlmUsageSummary> {
  const where = and(
    eq(llmUsage.orgId, orgId),
    gte(llmUsage.createdAt, range.from),
    lt(llmUsage.createdAt, range.to),
  );
  const groups = await db
    .select({ provider: llmUsage.provider, model: llmUsage.model, module: llmUsage.module, ...totals })
    .from(llmUsage)
    .where(where)
    .groupBy(llmUsage.provider, llmUsage.model, llmUsage.module)
    .orderBy(asc(llmUsage.provider), asc(llmUsage.model), asc(llmUsage.module));
  const sum = (key: keyof LlmUsageTotals) => groups.reduce((total, group) => total + group[key], 0);
  return {
    from: range.from,
    to: range.to,
    totals: {
      calls: sum('calls'),
      errors: sum('errors'),
      inputTokens: sum('inputTokens'),
      outputTokens: sum('outputTokens'),
      costMicros: sum('costMicros'),
    },
    groups,
  };
}
