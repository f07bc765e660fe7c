import { type Db, jobs } from '@assay/db';
import { and, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { JobMessage } from './port.ts';
import { type ClaimedJob, claimJobs } from './store-batch.ts';

/**
 * Every state change of a `jobs` row. Changes made by an attempt are fenced by (id, run, status
 * 'running'): once a job is cancelled, reaped or handed back, its old attempt can no longer write.
 */
export type JobRow = typeof jobs.$inferSelect;

const ms = (value: number): SQL => sql`(${value}::double precision * interval '1 millisecond')`;

const ownedBy = (jobId: string, run: number) =>
  and(eq(jobs.id, jobId), eq(jobs.run, run), eq(jobs.status, 'running'));

/** Takes the job for this message, or returns undefined when the message is stale (old run, finished, owned). */
export async function claimJob(
  db: Db,
  message: JobMessage,
  staleAfterMs: number,
): Promise<ClaimedJob | undefined> {
  const [row] = await claimJobs(db, [message], staleAfterMs);
  return row;
}

/** Heartbeat (and progress); false when the attempt lost its job. */
export async function touchJob(db: Db, jobId: string, run: number, progress?: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ heartbeatAt: sql`now()`, ...(progress === undefined ? {} : { progress }) })
    .where(ownedBy(jobId, run))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Locks the row of a running attempt for the rest of the transaction; false when the attempt lost it. */
export async function lockOwnedJob(tx: Db, jobId: string, run: number): Promise<boolean> {
  const rows = await tx.select({ id: jobs.id }).from(jobs).where(ownedBy(jobId, run)).for('update');
  return rows.length > 0;
}

export async function completeJob(db: Db, jobId: string, run: number, result: unknown): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'completed',
      result: result === undefined ? null : result,
      progress: 100,
      error: null,
      finishedAt: sql`now()`,
      heartbeatAt: null,
    })
    .where(ownedBy(jobId, run))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export type FailureOutcome = 'retrying' | 'dead' | 'failed';

/** Ends a failed attempt: `retrying` moves to the next run after `retryDelayMs`; `dead`/`failed` are final. */
export async function failJob(
  db: Db,
  jobId: string,
  run: number,
  failure: { outcome: FailureOutcome; error: string; retryDelayMs?: number },
): Promise<JobRow | undefined> {
  const retrying = failure.outcome === 'retrying';
  const [row] = await db
    .update(jobs)
    .set({
      status: failure.outcome,
      error: failure.error.slice(0, 4000),
      heartbeatAt: null,
      ...(retrying
        ? { run: sql`${jobs.run} + 1`, runAfter: sql`now() + ${ms(failure.retryDelayMs ?? 0)}` }
        : { finishedAt: sql`now()` }),
    })
    .where(ownedBy(jobId, run))
    .returning();
  return row;
}

/**
 * Gives an unfinished attempt back at shutdown: a new run, queued now, the attempt not counted.
 * It is not sent here; any worker's sweeper sends it (its dispatched_run is behind its run).
 */
export async function handBackJob(db: Db, jobId: string, run: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'queued',
      run: sql`${jobs.run} + 1`,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      heartbeatAt: null,
      runAfter: sql`now()`,
    })
    .where(ownedBy(jobId, run))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Running rows whose worker stopped heartbeating (killed, frozen) go to their next run, or `dead`. */
export async function reapStaleJobs(db: Db, staleAfterMs: number, limit = 100) {
  const stale = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, sql`now() - ${ms(staleAfterMs)}`)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const retryable = sql`${jobs.attempts} < ${jobs.maxAttempts}`;
  return db
    .update(jobs)
    .set({
      status: sql`case when ${retryable} then 'retrying' else 'dead' end`,
      run: sql`case when ${retryable} then ${jobs.run} + 1 else ${jobs.run} end`,
      finishedAt: sql`case when ${retryable} then null else now() end`,
      runAfter: sql`now()`,
      heartbeatAt: null,
      error: 'The worker running this attempt stopped heartbeating (crashed or was killed)',
    })
    .where(inArray(jobs.id, stale))
    .returning({ id: jobs.id, status: jobs.status, queue: jobs.queue, name: jobs.name });
}

export interface DueMessage extends JobMessage {
  queue: string;
  delayMs: number;
}

/**
 * Rows to send: runs not yet sent that are due within `windowMs` (later ones are sent by a later sweep),
 * and, with `resendAfterMs`, sent runs still waiting that long (the backend may have lost them).
 */
export async function dueMessages(
  db: Db,
  options: { ids?: string[]; windowMs: number; resendAfterMs?: number; limit: number },
): Promise<DueMessage[]> {
  const notSent = sql`${jobs.dispatchedRun} < ${jobs.run}`;
  const lost =
    options.resendAfterMs === undefined
      ? sql`false`
      : and(
          eq(jobs.dispatchedRun, jobs.run),
          lt(jobs.updatedAt, sql`now() - ${ms(options.resendAfterMs)}`),
          lte(jobs.runAfter, sql`now()`),
        );
  return db
    .select({
      jobId: jobs.id,
      run: jobs.run,
      queue: jobs.queue,
      delayMs: sql<number>`greatest(0, ceil(extract(epoch from (${jobs.runAfter} - now())) * 1000))::int`,
    })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ['queued', 'retrying']),
        lte(jobs.runAfter, sql`now() + ${ms(options.windowMs)}`),
        or(notSent, lost),
        options.ids ? inArray(jobs.id, options.ids) : undefined,
      ),
    )
    .orderBy(jobs.runAfter)
    .limit(options.limit);
}
