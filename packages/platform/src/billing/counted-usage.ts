import { isDerivedMetric, usageSince } from '@assay/core';
import { type Db, memberships, projects } from '@assay/db';
import { count, eq } from 'drizzle-orm';

/** Quotas on a current count (seats, projects) are shown as that count, not as summed usage events. */
const COUNTS: Record<string, (db: Db, orgId: string) => Promise<number>> = {
  'members.seats': async (db, orgId) =>
    Number((await db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId)))[0].n),
  'projects.count': async (db, orgId) =>
    Number((await db.select({ n: count() }).from(projects).where(eq(projects.orgId, orgId)))[0].n),
};

/** Replaces usage-event sums with the real figure for derived (LLM spend) and counted metrics. */
export async function withCountedUsage<M extends { metric: string; used: number }>(
  db: Db,
  orgId: string,
  metrics: M[],
): Promise<M[]> {
  return Promise.all(
    metrics.map(async (m) => {
      const counted = COUNTS[m.metric];
      if (counted) return { ...m, used: await counted(db, orgId) };
      if (isDerivedMetric(m.metric)) return { ...m, used: await usageSince(db, orgId, m.metric) };
      return m;
    }),
  );
}
