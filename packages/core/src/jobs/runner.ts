import { isUuid, jobs as jobsTable } from '@assay/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { withJobSpan } from '../tracing.ts';
import { type Attempt, abortReason, createJobContext } from './attempt.ts';
import { type BackoffOptions, backoffDelay } from './backoff.ts';
import { batched } from './batched.ts';
import { PermanentJobError } from './errors.ts';
import { startHeartbeat } from './heartbeat.ts';
import type { JobMessage } from './port.ts';
import type { Jobs } from './service.ts';
import { failJob, handBackJob } from './store.ts';
import {
  type AttemptWrite,
  type ClaimedJob,
  completeJobs,
  messageKey,
  writeAttempts,
} from './store-batch.ts';

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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs queue messages: claim the row, validate, run the handler with heartbeats, record the outcome.
 * Attempts running at once share round trips: their claims and completions go together in one
 * statement (one commit), and one heartbeat statement keeps them all alive. A handler that returned
 * releases its message at once and its completion is written behind it: the attempt stays active
 * (heartbeating) until it lands, and shutdown waits for those writes before handing anything back.
 */
export function createRunner(jobs: Jobs, options: RunnerOptions) {
  const db = jobs.database.db;
  const active = new Map<string, Attempt>();
  const writing = new Set<Promise<void>>();
  const write = batched((writes: AttemptWrite[]) =>
    writeAttempts(jobs.database, writes, options.staleAfterMs),
  );
  const claim = (message: JobMessage) => write({ kind: 'claim', message }) as Promise<ClaimedJob | undefined>;
  /**
   * A completion rides in the next batch, which commits without waiting for the WAL flush: lost in a
   * crash, the job looks abandoned and is run again. On its last attempt it would be reaped as dead
   * instead, so that completion is committed durably, on its own.
   */
  const complete = async (job: ClaimedJob, result: unknown) => {
    const message = { jobId: job.id, run: job.run };
    if (job.attempts < job.maxAttempts)
      return write({ kind: 'complete', message, result }) as Promise<boolean>;
    const [done] = await completeJobs(jobs.database, [{ ...message, result }], { durable: true });
    return done;
  };

  const whyLost = async (jobId: string): Promise<JobOutcome> => {
    const [row] = await db
      .select({ status: jobsTable.status })
      .from(jobsTable)
      .where(eq(jobsTable.id, jobId));
    return row?.status === 'cancelled' ? 'cancelled' : 'lost';
  };

  /** The row moved on (cancelled, reaped): the attempt's signal is aborted; its writes are fenced off anyway. */
  const lose = async (attempt: Attempt) => {
    if (attempt.completed || attempt.controller.signal.aborted) return;
    const why = await whyLost(attempt.job.id);
    if (!attempt.controller.signal.aborted) attempt.controller.abort(abortReason(`Job ${why}`));
  };

  // Also how a running attempt notices a cancel: the fenced heartbeat no longer matches its row.
  const heartbeat = startHeartbeat({
    database: jobs.database,
    intervalMs: options.heartbeatMs,
    logger: jobs.logger,
    targets: () =>
      [...active.values()]
        .filter((attempt) => !attempt.completing && !attempt.completed && !attempt.handedBack)
        .map((attempt) => ({
          message: { jobId: attempt.job.id, run: attempt.job.run },
          lost: () => lose(attempt),
        })),
  });

  async function handle(message: JobMessage): Promise<void> {
    if (!isUuid(message?.jobId) || !Number.isInteger(message?.run)) {
      jobs.logger.warn({ message }, 'malformed queue message dropped');
      return;
    }
    const job = await claim({ jobId: message.jobId, run: message.run });
    if (!job) return; // an old run, a duplicate, or a finished or cancelled job
    const started = performance.now();
    // Made only when something is logged: most attempts log nothing.
    let attemptLogger: Logger | undefined;
    const logger = () =>
      (attemptLogger ??= jobs.logger.child({
        jobId: job.id,
        job: job.name,
        run: job.run,
        attempt: job.attempts,
      }));
    const finish = (outcome: JobOutcome) => {
      if (outcome !== 'completed') logger().info({ outcome }, 'job attempt finished');
      else if (jobs.logger.isLevelEnabled('debug')) logger().debug({ outcome }, 'job attempt finished');
      try {
        options.onJobFinished?.({
          jobId: job.id,
          queue: job.queue,
          name: job.name,
          outcome,
          durationMs: performance.now() - started,
        });
      } catch (error) {
        logger().warn({ err: error }, 'onJobFinished hook threw');
      }
    };

    const definition = jobs.definition(job.name);
    const parsed = definition?.payload.safeParse(job.payload);
    if (!definition || !parsed?.success) {
      // Retrying cannot fix either: dead at once, with the reason.
      const error = definition
        ? `Invalid payload: ${z.prettifyError(parsed!.error!)}`
        : `No handler for job "${job.name}" in this worker`;
      await failJob(db, job.id, job.run, { outcome: 'dead', error });
      return finish('dead');
    }

    const attempt: Attempt = {
      job,
      controller: new AbortController(),
      completing: false,
      completed: false,
      returned: false,
      handedBack: false,
    };
    const key = messageKey(message);
    active.set(key, attempt);
    const release = () => {
      if (active.get(key) === attempt) active.delete(key);
    };

    /** A thrown handler (or a completion that could not be written): retry with backoff, dead, or failed. */
    const recordFailure = async (error: unknown) => {
      if (attempt.completed) {
        logger().warn({ err: error }, 'handler threw after completing its job');
        return finish('completed');
      }
      if (attempt.handedBack) return finish('interrupted');
      const outcome =
        error instanceof PermanentJobError ? 'failed' : job.attempts < job.maxAttempts ? 'retrying' : 'dead';
      const retryDelayMs = outcome === 'retrying' ? backoffDelay(job.attempts, options.backoff) : undefined;
      const updated = await failJob(db, job.id, job.run, { outcome, error: messageOf(error), retryDelayMs });
      if (!updated) return finish(await whyLost(job.id));
      finish(outcome);
      if (outcome === 'retrying') await jobs.dispatch([job.id]);
    };

    const recordCompletion = async (result: unknown) => {
      try {
        if (await complete(job, result)) return finish('completed');
        finish(attempt.handedBack ? 'interrupted' : await whyLost(job.id));
      } catch (error) {
        await recordFailure(error);
      }
    };

    let result: unknown;
    try {
      const ctx = createJobContext(db, attempt, logger, () => lose(attempt));
      result = await withJobSpan(job.name, job.traceparent, () => definition.handler(parsed.data, ctx));
    } catch (error) {
      try {
        return await recordFailure(error);
      } finally {
        release();
      }
    }
    if (attempt.completed) {
      release();
      return finish('completed');
    }
    attempt.returned = true;
    const writeBehind = recordCompletion(result)
      .catch((error) => logger().error({ err: error }, 'job outcome could not be recorded'))
      .finally(() => {
        release();
        writing.delete(writeBehind);
      });
    writing.add(writeBehind);
  }

  /**
   * At shutdown, once the transport stopped: lets completions under way land, then gives every
   * unfinished attempt back as a new run (sent by any worker's sweeper) and aborts it.
   */
  async function handBackAll(): Promise<number> {
    await Promise.all(writing);
    heartbeat.stop();
    let count = 0;
    for (const attempt of active.values()) {
      if (attempt.returned) continue; // a handler that returned meanwhile: its completion is being written
      attempt.handedBack = await handBackJob(db, attempt.job.id, attempt.job.run).catch(() => false);
      if (attempt.handedBack) count += 1;
      attempt.controller.abort(abortReason('Worker shutting down'));
    }
    await Promise.all(writing);
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
