import { emitEvent } from '@assay/core';
import type { Db } from '@assay/db';

/**
 * Domain events of the intel module, written in the transaction of the change they describe through
 * the platform's event outbox (webhook deliveries follow at least once). A report whose project was
 * deleted has no project to name, so its events are not sent. Dedupe keys make a retried job or a
 * repeated merge emit once.
 */
export async function emitReportProcessed(
  tx: Db,
  report: { id: string; orgId: string; projectId: string | null; title: string },
  counts: { indicators: number; techniques: number; actors: number },
) {
  if (!report.projectId) return;
  await emitEvent(tx, {
    orgId: report.orgId,
    type: 'intel.report.processed',
    data: {
      report_id: report.id,
      project_id: report.projectId,
      title: report.title,
      ...counts,
      links: { api: `/v1/intel/reports/${report.id}` },
    },
    dedupeKey: `intel.report.processed:${report.id}`,
  });
}

export async function emitIndicatorCreated(
  tx: Db,
  report: { id: string; orgId: string; projectId: string | null },
  indicator: { id: string; type: string; value: string; confidence: number },
) {
  if (!report.projectId) return;
  await emitEvent(tx, {
    orgId: report.orgId,
    type: 'intel.indicator.created',
    data: {
      indicator_id: indicator.id,
      project_id: report.projectId,
      report_id: report.id,
      type: indicator.type,
      value: indicator.value,
      confidence: indicator.confidence,
      links: { api: `/v1/intel/indicators/${indicator.id}` },
    },
    dedupeKey: `intel.indicator.created:${indicator.id}`,
  });
}
