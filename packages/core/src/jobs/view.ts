import type { JobRow } from './store.ts';

/** A job as the API shows it: the row plus an estimated completion time. */
export type JobView = JobRow & { eta: Date | null };

/**
 * ETA of a running job from its progress so far, assuming a steady rate: started + elapsed * 100 / progress.
 * Null until the job reports some progress, and once it is no longer running.
 */
export function estimateEta(
  row: Pick<JobRow, 'status' | 'progress' | 'startedAt'>,
  now = Date.now(),
): Date | null {
  if (row.status !== 'running' || !row.startedAt || row.progress <= 0 || row.progress >= 100) return null;
  const elapsed = Math.max(0, now - row.startedAt.getTime());
  return new Date(row.startedAt.getTime() + (elapsed * 100) / row.progress);
}

export const toView = (row: JobRow, now = Date.now()): JobView => ({ ...row, eta: estimateEta(row, now) });
