import type { Db } from '@assay/db';
import { and, countDistinct, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { EntityCount, TrendInput } from '../../feeds/trends.ts';
import { intelReports, intelReviewItems } from '../../schema.ts';

interface Scope {
  orgId: string;
  projectId: string;
}

const inPeriod = (from: Date, to: Date) =>
  and(gte(intelReports.createdAt, from), lt(intelReports.createdAt, to));
const projectReports = (scope: Scope) =>
  and(
    eq(intelReports.orgId, scope.orgId),
    eq(intelReports.projectId, scope.projectId),
    ne(intelReports.status, 'failed'),
  );

/** How many of the period's reports mention each technique (or actor), by ATT&CK ID; rejected items do not count. */
async function mentions(db: Db, scope: Scope, kind: string, from: Date, to: Date): Promise<EntityCount[]> {
  const rows = await db
    .select({
      key: intelReviewItems.value,
      label: sql<string>`max(coalesce(${intelReviewItems.name}, ${intelReviewItems.value}))`,
      count: countDistinct(intelReviewItems.reportId),
    })
    .from(intelReviewItems)
    .innerJoin(intelReports, eq(intelReports.id, intelReviewItems.reportId))
    .where(
      and(
        projectReports(scope),
        inPeriod(from, to),
        eq(intelReviewItems.orgId, scope.orgId),
        eq(intelReviewItems.kind, kind),
        ne(intelReviewItems.status, 'rejected'),
      ),
    )
    .groupBy(intelReviewItems.value);
  return rows.map((r) => ({ key: r.key, label: r.label, count: Number(r.count) }));
}

/**
 * Indicators first seen in the period, by type: found in one of the project's reports of the period
 * and in none of the organization's earlier reports.
 */
async function newIndicators(db: Db, scope: Scope, from: Date, to: Date): Promise<EntityCount[]> {
  const rows = await db
    .select({ type: intelReviewItems.type, count: countDistinct(intelReviewItems.value) })
    .from(intelReviewItems)
    .innerJoin(intelReports, eq(intelReports.id, intelReviewItems.reportId))
    .where(
      and(
        projectReports(scope),
        inPeriod(from, to),
        eq(intelReviewItems.orgId, scope.orgId),
        eq(intelReviewItems.kind, 'indicator'),
        ne(intelReviewItems.status, 'rejected'),
        sql`not exists (select 1 from ${intelReviewItems} e join ${intelReports} er on er.id = e.report_id
          where e.org_id = ${scope.orgId} and e.kind = 'indicator' and e.type = ${intelReviewItems.type}
          and e.value = ${intelReviewItems.value} and e.status <> 'rejected' and er.created_at < ${from})`,
      ),
    )
    .groupBy(intelReviewItems.type);
  return rows.map((r) => ({ key: r.type, label: r.type, count: Number(r.count) }));
}

export async function trendInput(
  db: Db,
  scope: Scope,
  periodStart: Date,
  periodEnd: Date,
): Promise<TrendInput> {
  const span = periodEnd.getTime() - periodStart.getTime();
  const previousStart = new Date(periodStart.getTime() - span);
  const [reports] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(intelReports)
    .where(and(projectReports(scope), inPeriod(periodStart, periodEnd)));
  return {
    periodStart,
    periodEnd,
    reports: reports?.n ?? 0,
    newIndicators: await newIndicators(db, scope, periodStart, periodEnd),
    techniques: {
      current: await mentions(db, scope, 'technique', periodStart, periodEnd),
      previous: await mentions(db, scope, 'technique', previousStart, periodStart),
    },
    actors: {
      current: await mentions(db, scope, 'actor', periodStart, periodEnd),
      previous: await mentions(db, scope, 'actor', previousStart, periodStart),
    },
  };
}

/** Reports of the project still being extracted among `ids`. */
export async function stillProcessing(db: Db, orgId: string, ids: string[]) {
  if (!ids.length) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(intelReports)
    .where(
      and(
        eq(intelReports.orgId, orgId),
        inArray(intelReports.id, ids),
        eq(intelReports.status, 'processing'),
      ),
    );
  return row?.n ?? 0;
}
