import { isUuid, jobs as jobsTable } from '@assay/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { withJobSpan } from '../tracing.ts';
import { type BackoffOptions, backoffDelay } from './backoff.ts';
import { JobLostError, PermanentJobError } from './errors.ts';
import type { JobContext, JobMessage } from './port.ts';
import type { Jobs } from './service.ts';
import { claimJob, completeJob, failJob, handBackJob, type JobRow, lockOwnedJob, touchJob } from './store.ts';

export type JobOutcome = 'completed' | 'retrying' | 'dead' | 'failed' | 'cancelled' | 'lost' | 'interrupted';

export interface JobFinishedEvent {
  jobId: string;
  queue: string;
  name: string;
  /** `lost`: taken over after a stale heartbeat; `interrupted`: handed back at shutdown. */
  outcome: JobOutcome;
  durationMs: number;
}

export interface RunnerOptions {
  heartbeatMs: number;
  staleAfterMs: number;
  backoff: BackoffOptions;
  onJobFinished?: (event: JobFinishedEvent) => void;
}

interface Attempt {
  row: JobRow;
  controller: AbortController;
  timer: NodeJS.Timeout;
  completed: boolean;
  handedBack: boolean;
}

const abortReason = (message: string) => new DOMException(message, 'AbortError');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs one queue message: claim the row, validate, run the handler with heartbeats, record the outcome. */
export function createRunner(jobs: Jobs, options: RunnerOptions) {
  const db = jobs.database.db;
  const active = new Map<string, Attempt>();

  const whyLost = async (jobId: string): Promise<JobOutcome> => {
    const [row] = await db
      .select({ status: jobsTable.status })
      .from(jobsTable)
      .where(eq(jobsTable.id, jobId));
    return row?.status === 'cancelled' ? 'cancelled' : 'lost';
  };

  async function handle(message: JobMessage): Promise<void> {
    if (!isUuid(message?.jobId) || !Number.isInteger(message?.run)) {
      jobs.logger.warn({ message }, 'malformed queue message dropped');
      return;
    }
    const row = await claimJob(db, message, options.staleAfterMs);
    if (!row) return; // an old run, a duplicate, or a finished or cancelled job
    const started = performance.now();
    const logger = jobs.logger.child({ jobId: row.id, job: row.name, run: row.run, attempt: row.attempts });
    const finish = (outcome: JobOutcome) => {
      logger[outcome === 'completed' ? 'debug' : 'info']({ outcome }, 'job attempt finished');
      try {
        options.onJobFinished?.({
          jobId: row.id,
          queue: row.queue,
          name: row.name,
          outcome,
          durationMs: performance.now() - started,
        });
      } catch (error) {
        logger.warn({ err: error }, 'onJobFinished hook threw');
      }
    };

    const definition = jobs.definition(row.name);
    const parsed = definition?.payload.safeParse(row.payload);
    if (!definition || !parsed?.success) {
      // Retrying cannot fix either: dead at once, with the reason.
      const error = definition
        ? `Invalid payload: ${z.prettifyError(parsed!.error!)}`
        : `No handler for job "${row.name}" in this worker`;
      await failJob(db, row.id, row.run, { outcome: 'dead', error });
      return finish('dead');
    }

    const controller = new AbortController();
    const lose = async () => {
      const why = await whyLost(row.id);
      if (!controller.signal.aborted) controller.abort(abortReason(`Job ${why}`));
    };
    // Also how a running attempt notices a cancel: the fenced heartbeat no longer matches its row.
    const beat = async (progress?: number) => {
      try {
        if (!(await touchJob(db, row.id, row.run, progress))) await lose();
      } catch (error) {
        logger.warn({ err: error }, 'job heartbeat failed');
      }
    };
    const attempt: Attempt = {
      row,
      controller,
      timer: setInterval(() => void beat(), options.heartbeatMs),
      completed: false,
      handedBack: false,
    };
    const key = `${row.id}:${row.run}`;
    active.set(key, attempt);
    const ctx: JobContext = {
      jobId: row.id,
      orgId: row.orgId,
      attempt: row.attempts,
      run: row.run,
      db,
      logger,
      signal: controller.signal,
      progress: (percent) => beat(Math.max(0, Math.min(100, Math.round(percent)))),
      async complete(effects) {
        const result = await db.transaction(async (tx) => {
          if (!(await lockOwnedJob(tx, row.id, row.run))) throw new JobLostError(row.id, row.run);
          const value = await effects(tx);
          await completeJob(tx, row.id, row.run, value);
          return value;
        });
        attempt.completed = true;
        return result;
      },
    };

    try {
      const result = await withJobSpan(row.name, row.traceparent, () => definition.handler(parsed.data, ctx));
      if (attempt.completed || (await completeJob(db, row.id, row.run, result))) return finish('completed');
      return finish(attempt.handedBack ? 'interrupted' : await whyLost(row.id));
    } catch (error) {
      if (attempt.completed) {
        logger.warn({ err: error }, 'handler threw after completing its job');
        return finish('completed');
      }
      if (attempt.handedBack) return finish('interrupted');
      const outcome =
        error instanceof PermanentJobError ? 'failed' : row.attempts < row.maxAttempts ? 'retrying' : 'dead';
      const retryDelayMs = outcome === 'retrying' ? backoffDelay(row.attempts, options.backoff) : undefined;
      const updated = await failJob(db, row.id, row.run, { outcome, error: messageOf(error), retryDelayMs });
      if (!updated) return finish(await whyLost(row.id));
      finish(outcome);
      if (outcome === 'retrying') await jobs.dispatch([row.id]);
    } finally {
      clearInterval(attempt.timer);
      active.delete(key);
    }
  }

  /** At shutdown: gives every unfinished attempt back as a new run (sent by any worker's sweeper) and aborts it. */
  async function handBackAll(): Promise<number> {
    let count = 0;
    for (const attempt of active.values()) {
      clearInterval(attempt.timer);
      attempt.handedBack = await handBackJob(db, attempt.row.id, attempt.row.run).catch(() => false);
      if (attempt.handedBack) count += 1;
      attempt.controller.abort(abortReason('Worker shutting down'));
    }
    return count;
  }

  return {
    handle,
    handBackAll,
    get running() {
      return active.size;
    },
  };
}
