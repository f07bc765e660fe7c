import { emitEvent, type JobFinishedEvent, type Platform } from '@assay/core';
import { isUuid, jobs } from '@assay/db';
import { eq } from 'drizzle-orm';
import { queueNotifications } from './queue.ts';

/** "Job finished" emails are for work people wait on: the long-running queue, or anything this slow. */
export const notifyPolicy = { finishedAfterMs: 30_000 };

const worthAnEmail = (job: { queue: string; createdAt: Date; finishedAt: Date | null }) =>
  job.queue === 'long-running' ||
  (job.finishedAt ?? new Date()).getTime() - job.createdAt.getTime() >= notifyPolicy.finishedAfterMs;

/** Jobs that are themselves about telling people: reporting them would loop. */
const QUIET_PREFIXES = ['webhooks.', 'notifications.'];

/**
 * Runs after a worker recorded a job's final outcome: emits `job.completed` or `job.failed` and
 * queues the email to whoever started the job, in one transaction. Keyed on (job, run), so a second
 * call for the same run writes nothing.
 */
export async function reportFinishedJob(platform: Platform, finished: JobFinishedEvent): Promise<void> {
  const outcome = finished.outcome;
  if (outcome !== 'completed' && outcome !== 'dead' && outcome !== 'failed') return;
  if (QUIET_PREFIXES.some((prefix) => finished.name.startsWith(prefix))) return;
  const [job] = await platform.db.select().from(jobs).where(eq(jobs.id, finished.jobId));
  if (!job?.orgId) return;
  const orgId = job.orgId;
  const common = {
    job_id: job.id,
    name: job.name,
    queue: job.queue,
    created_by: job.createdBy,
    attempts: job.attempts,
    links: { api: `/v1/jobs/${job.id}` },
  };
  const ids = await platform.db.transaction(async (tx) => {
    const event =
      outcome === 'completed'
        ? await emitEvent(tx, {
            orgId,
            type: 'job.completed',
            data: { ...common, duration_ms: Math.round(finished.durationMs) },
            dedupeKey: `job:${job.id}:${job.run}`,
          })
        : await emitEvent(tx, {
            orgId,
            type: 'job.failed',
            data: { ...common, status: outcome, error: job.error?.slice(0, 2000) ?? null },
            dedupeKey: `job:${job.id}:${job.run}`,
          });
    if (!job.createdBy || !isUuid(job.createdBy)) return event.jobIds;
    if (outcome === 'completed' && !worthAnEmail(job)) return event.jobIds;
    const mails = await queueNotifications(tx, [
      {
        orgId,
        userId: job.createdBy,
        kind: outcome === 'completed' ? 'job_finished' : 'job_failed',
        params: {
          job_id: job.id,
          name: job.name,
          attempts: job.attempts,
          error: job.error?.slice(0, 500) ?? null,
        },
        key: `${job.id}:${job.run}`,
      },
    ]);
    return [...event.jobIds, ...mails];
  });
  if (ids.length > 0) await platform.jobs.dispatch(ids);
}

/** The hook `bootPlatform` passes to the jobs service; errors are logged, never thrown into the worker. */
export const jobFinishedReporter = (platform: Platform) => (finished: JobFinishedEvent) => {
  reportFinishedJob(platform, finished).catch((error) =>
    platform.logger.warn({ err: error, jobId: finished.jobId }, 'could not report a finished job'),
  );
};
