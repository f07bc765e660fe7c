import type { Db } from '@assay/db';
import type { Logger } from '../logger.ts';
import { JobLostError } from './errors.ts';
import type { JobContext } from './port.ts';
import { completeJob, lockOwnedJob, touchJob } from './store.ts';
import type { ClaimedJob } from './store-batch.ts';

/** One attempt of a job in this worker, from its claim until its outcome is written. */
export interface Attempt {
  job: ClaimedJob;
  controller: AbortController;
  /** Inside `ctx.complete`: its own transaction holds the row, so the heartbeat leaves it alone. */
  completing: boolean;
  /** Completed by `ctx.complete`. */
  completed: boolean;
  /** The handler returned: only its completion is left to write. */
  returned: boolean;
  handedBack: boolean;
}

export const abortReason = (message: string) => new DOMException(message, 'AbortError');

/**
 * The handler's `ctx`: progress is a fenced heartbeat (a lost row aborts the signal through `lose`),
 * and `complete` commits the handler's effects and the completion in one transaction.
 */
export function createJobContext(
  db: Db,
  attempt: Attempt,
  logger: () => Logger,
  lose: () => Promise<void>,
): JobContext {
  const { job } = attempt;
  return {
    jobId: job.id,
    orgId: job.orgId,
    attempt: job.attempts,
    run: job.run,
    db,
    get logger() {
      return logger();
    },
    signal: attempt.controller.signal,
    async progress(percent) {
      try {
        const owned = await touchJob(db, job.id, job.run, Math.max(0, Math.min(100, Math.round(percent))));
        if (!owned) await lose();
      } catch (error) {
        logger().warn({ err: error }, 'job heartbeat failed');
      }
    },
    async complete(effects) {
      attempt.completing = true;
      try {
        const result = await db.transaction(async (tx) => {
          if (!(await lockOwnedJob(tx, job.id, job.run))) throw new JobLostError(job.id, job.run);
          const value = await effects(tx);
          await completeJob(tx, job.id, job.run, value);
          return value;
        });
        attempt.completed = true;
        return result;
      } finally {
        attempt.completing = false;
      }
    },
  };
}
