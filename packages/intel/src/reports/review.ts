import { AppError, chunksOf, notFound, recordAudit, type ServiceContext } from '@assay/core';
import type { Db } from '@assay/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AttackCatalog } from '../attack/types.ts';
import { loadAttackCatalog } from '../attack-import/catalog.ts';
import type { IndicatorType } from '../engine/types.ts';
import { emitIndicatorCreated } from '../events.ts';
import { type AcceptedItem, mergeAccepted } from '../knowledge/merge.ts';
import { normaliseIndicator } from '../knowledge/normalise.ts';
import { intelReports, intelReviewItems } from '../schema.ts';
import type { ReviewInput } from './contracts.ts';

/** Indicators created at or above this confidence are announced as `intel.indicator.created`. */
export const HIGH_CONFIDENCE = 80;

type AuditCtx = Omit<ServiceContext, 'db'>;

async function reportStats(tx: Db, reportId: string) {
  const rows = await tx
    .select({ kind: intelReviewItems.kind, status: intelReviewItems.status, n: sql<number>`count(*)::int` })
    .from(intelReviewItems)
    .where(eq(intelReviewItems.reportId, reportId))
    .groupBy(intelReviewItems.kind, intelReviewItems.status);
  const stats: Record<string, number> = { total: 0, pending: 0, accepted: 0, rejected: 0 };
  for (const r of rows) {
    const status = r.status === 'edited' ? 'accepted' : r.status;
    stats.total += r.n;
    stats[status] = (stats[status] ?? 0) + r.n;
    stats[r.kind] = (stats[r.kind] ?? 0) + r.n;
  }
  return stats;
}

/**
 * Applies an analyst's decisions to a report's staged items and merges what was accepted, in the
 * caller's transaction. Decided items are final: deciding one again is a conflict. An edit is
 * normalised like an extracted value, so it merges with the same indicator seen elsewhere.
 */
export async function applyDecisions(
  tx: Db,
  ctx: AuditCtx,
  reportId: string,
  input: ReviewInput,
  catalog: AttackCatalog | undefined,
  options: { audit?: boolean } = {},
) {
  const [report] = await tx
    .select()
    .from(intelReports)
    .where(and(eq(intelReports.orgId, ctx.orgId), eq(intelReports.id, reportId)))
    .for('update');
  if (!report) throw notFound('Report');
  if (report.status !== 'review' && report.status !== 'completed') {
    throw new AppError('CONFLICT', `The report is ${report.status.replace('_', ' ')}; nothing to review yet`);
  }
  const items = await tx
    .select()
    .from(intelReviewItems)
    .where(and(eq(intelReviewItems.orgId, ctx.orgId), eq(intelReviewItems.reportId, reportId)));
  const byId = new Map(items.map((i) => [i.id, i]));
  const decided = new Map<
    string,
    { status: 'accepted' | 'edited' | 'rejected'; type: string; value: string }
  >();
  for (const [n, d] of input.decisions.entries()) {
    const item = byId.get(d.item_id);
    const field = `body.decisions.${n}`;
    if (!item)
      throw new AppError('VALIDATION_ERROR', 'Unknown review item', {
        details: [{ field: `${field}.item_id`, message: 'not an item of this report' }],
      });
    if (item.status !== 'pending' || decided.has(item.id))
      throw new AppError(
        'CONFLICT',
        `Item ${item.value.slice(0, 80)} was already ${item.status === 'pending' ? 'decided in this request' : item.status}`,
      );
    if (d.action !== 'edit') {
      const status = d.action === 'reject' ? 'rejected' : 'accepted';
      decided.set(item.id, { status, type: item.type, value: item.value });
      continue;
    }
    if (item.kind !== 'indicator')
      throw new AppError('VALIDATION_ERROR', 'Only indicators can be edited; reject the item instead', {
        details: [{ field: `${field}.action`, message: 'edit applies to indicators' }],
      });
    if (!d.value && !d.type)
      throw new AppError('VALIDATION_ERROR', 'An edit needs a value or a type', {
        details: [{ field: `${field}.value`, message: 'required for edit' }],
      });
    const type = (d.type ?? item.type) as IndicatorType;
    const value = normaliseIndicator(type, d.value ?? item.value, `${field}.value`);
    decided.set(item.id, { status: 'edited', type, value });
  }
  if (input.remaining) {
    for (const item of items) {
      if (item.status !== 'pending' || decided.has(item.id)) continue;
      decided.set(item.id, {
        status: input.remaining === 'accept' ? 'accepted' : 'rejected',
        type: item.type,
        value: item.value,
      });
    }
  }

  const accepted: AcceptedItem[] = [];
  for (const [id, d] of decided)
    if (d.status !== 'rejected') accepted.push({ item: byId.get(id)!, type: d.type, value: d.value });
  const { merged, createdIndicators } = await mergeAccepted(tx, report, accepted, catalog);
  const now = new Date();
  const rejected = [...decided].filter(([, d]) => d.status === 'rejected').map(([id]) => id);
  if (rejected.length)
    await tx
      .update(intelReviewItems)
      .set({ status: 'rejected', decidedBy: ctx.actor.id, decidedAt: now })
      .where(inArray(intelReviewItems.id, rejected));
  const kept = [...decided].filter(([, d]) => d.status !== 'rejected');
  for (const chunk of chunksOf(kept, 1000)) {
    // One statement per thousand items: status, the corrected value (the staged row keeps what was
    // found; the corrected type and value live in the merged indicator) and the knowledge row it joined.
    const values = sql.join(
      chunk.map(
        ([id, d]) =>
          sql`(${id}::uuid, ${d.status}, ${d.status === 'edited' ? `${d.type}:${d.value}` : null}::text, ${merged.get(id) ?? null}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update intel_review_items as r set status = v.status, edited_value = v.edited_value, merged_id = v.merged_id,
        decided_by = ${ctx.actor.id}, decided_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as v(id, status, edited_value, merged_id)
      where r.id = v.id and r.org_id = ${ctx.orgId}::uuid`);
  }
  const stats = await reportStats(tx, reportId);
  const status = stats.pending === 0 ? 'completed' : 'review';
  const [updated] = await tx
    .update(intelReports)
    .set({ stats, status })
    .where(eq(intelReports.id, reportId))
    .returning();
  const counts = {
    accepted: accepted.length,
    rejected: [...decided.values()].filter((d) => d.status === 'rejected').length,
    pending: stats.pending,
    indicators_created: createdIndicators.length,
  };
  if (options.audit !== false && decided.size > 0) {
    await recordAudit(tx, ctx, {
      action: 'intel.report.review',
      targetType: 'intel_report',
      targetId: reportId,
      after: counts,
    });
  }
  for (const i of createdIndicators.filter((x) => x.confidence >= HIGH_CONFIDENCE))
    await emitIndicatorCreated(tx, report, i);
  return { report: updated, ...counts };
}

/** The analyst's review of a report, in one transaction: decisions, merge, status and audit. */
export async function reviewReport(ctx: ServiceContext, reportId: string, input: ReviewInput) {
  const catalog = await loadAttackCatalog(ctx.db);
  return ctx.db.transaction((tx) => applyDecisions(tx, ctx, reportId, input, catalog));
}
