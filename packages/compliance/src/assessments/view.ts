import { estimateEta } from '@assay/core';
import type { jobs } from '@assay/db';
import type { complianceAssessments } from '../schema.ts';

type AssessmentRow = typeof complianceAssessments.$inferSelect;
type JobRow = typeof jobs.$inferSelect;

const FINISHED_BADLY = new Set(['dead', 'failed', 'cancelled']);

/** An assessment's state joins its row and its job: progress and ETA come from the job while it runs. */
export function toAssessmentView(
  row: AssessmentRow,
  job: JobRow | undefined,
  options: { findings?: unknown[] } = {},
) {
  let status = row.status as 'processing' | 'completed' | 'failed';
  let error = row.error;
  if (status === 'processing' && job && FINISHED_BADLY.has(job.status)) {
    status = 'failed';
    error =
      job.status === 'cancelled' ? 'The assessment was cancelled' : (job.error ?? 'The assessment failed');
  }
  const eta = status === 'processing' && job ? estimateEta(job) : null;
  return {
    id: row.id,
    project_id: row.projectId,
    document_id: row.documentId,
    frameworks: row.frameworks,
    engine: row.engine as 'baseline' | 'llm',
    status,
    progress: status === 'completed' ? 100 : (job?.progress ?? 0),
    eta: eta?.toISOString() ?? null,
    error,
    job_id: row.jobId,
    summary: row.summary ?? null,
    ...(options.findings ? { findings: options.findings as never } : {}),
    duration_ms: row.durationMs,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}
