import type { z } from 'zod';
import type { intelReports, intelReviewItems } from '../schema.ts';
import type { itemView, reportView } from './contracts.ts';

type ReportRow = typeof intelReports.$inferSelect;
type ItemRow = typeof intelReviewItems.$inferSelect;

export const originalKey = (orgId: string, reportId: string) =>
  `orgs/${orgId}/intel/reports/${reportId}/original`;

export function toReportView(r: ReportRow): z.infer<typeof reportView> {
  return {
    id: r.id,
    project_id: r.projectId,
    source: r.source as 'text' | 'url' | 'upload',
    title: r.title,
    source_url: r.sourceUrl,
    filename: r.filename,
    format: r.format,
    status: r.status as z.infer<typeof reportView>['status'],
    error: r.error,
    tlp: r.tlp as z.infer<typeof reportView>['tlp'],
    method: r.method,
    stats: r.stats ?? null,
    job_id: r.jobId,
    created_at: r.createdAt.toISOString(),
    processed_at: r.processedAt?.toISOString() ?? null,
  };
}

export function toItemView(i: ItemRow): z.infer<typeof itemView> {
  return {
    id: i.id,
    kind: i.kind as z.infer<typeof itemView>['kind'],
    type: i.type,
    value: i.value,
    name: i.name,
    attack_id: i.attackId,
    confidence: i.confidence,
    warnings: i.warnings,
    defanged: i.defanged,
    sentence: i.sentence,
    occurrences: i.occurrences,
    status: i.status as z.infer<typeof itemView>['status'],
    edited_value: i.editedValue,
    merged_id: i.mergedId,
    decided_at: i.decidedAt?.toISOString() ?? null,
  };
}
