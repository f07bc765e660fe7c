import type { Db } from '@assay/db';
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import { intelReports, intelReviewItems } from '../../schema.ts';
import type { AgentRunContext } from './types.ts';

const FIRST_RUN_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Reports of the agent's project whose extraction finished after its last completed run started (the
 * last week on a first run): a report still processing during one run is new for the next.
 */
export async function newReports(run: AgentRunContext, max: number) {
  const since = run.lastCompletedAt ?? new Date(Date.now() - FIRST_RUN_LOOKBACK_MS);
  return run.job.db
    .select()
    .from(intelReports)
    .where(
      and(
        eq(intelReports.orgId, run.agent.orgId),
        eq(intelReports.projectId, run.agent.projectId),
        inArray(intelReports.status, ['review', 'completed']),
        gt(intelReports.processedAt, since),
      ),
    )
    .orderBy(asc(intelReports.processedAt))
    .limit(max);
}

/** What the extraction found in a report (rejected items left out). */
export async function reportItems(db: Db, orgId: string, reportId: string) {
  return db
    .select()
    .from(intelReviewItems)
    .where(
      and(
        eq(intelReviewItems.orgId, orgId),
        eq(intelReviewItems.reportId, reportId),
        ne(intelReviewItems.status, 'rejected'),
      ),
    );
}

/** The report's sentences, whitespace collapsed, for quoting and for numbered prompts. */
export const sentencesOf = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
