import { estimateEta, type ObjectStorage } from '@assay/core';
import type { jobs } from '@assay/db';
import { z } from 'zod';

type JobRow = typeof jobs.$inferSelect;

export const jobView = z.object({
  id: z.uuid(),
  queue: z.string(),
  name: z.string(),
  status: z.enum(['queued', 'running', 'retrying', 'completed', 'failed', 'dead', 'cancelled']),
  progress: z.number().int().min(0).max(100),
  eta: z.string().nullable().describe('Estimated completion time while running, from progress so far'),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  download_url: z.string().nullable().describe('For jobs that produce a file: a signed URL valid 15 minutes'),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
});
export type JobView = z.infer<typeof jobView>;

/** Jobs that produce a file put `storage_key` (and `filename`) in their result; the link is signed on each read. */
export async function toJobView(row: JobRow, storage: ObjectStorage): Promise<JobView> {
  const result = (row.result ?? null) as { storage_key?: unknown; filename?: unknown } | null;
  const downloadUrl =
    row.status === 'completed' && typeof result?.storage_key === 'string'
      ? await storage.presignGet(result.storage_key, {
          filename: typeof result.filename === 'string' ? result.filename : undefined,
        })
      : null;
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    status: row.status as JobView['status'],
    progress: row.progress,
    eta: estimateEta(row)?.toISOString() ?? null,
    attempts: row.attempts,
    max_attempts: row.maxAttempts,
    result: row.result ?? null,
    error: row.error,
    download_url: downloadUrl,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
    updated_at: row.updatedAt.toISOString(),
  };
}
