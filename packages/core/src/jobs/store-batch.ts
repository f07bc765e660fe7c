import { type Database, type Db, isUuid } from '@assay/db';
import { type SQL, sql } from 'drizzle-orm';
import type { JobMessage } from './port.ts';
import type { JobRow } from './store.ts';

/**
 * The statements run for every attempt (claim, complete, heartbeat) and every send (mark dispatched),
 * each for many rows at once, so that one round trip (and one commit) serves a batch. Same fencing
 * as store.ts: a run that moved on, or a status that changed, leaves the row untouched and out of
 * the result.
 *
 * Each statement walks the given (id, run) pairs, passed as arrays, and finds each row by primary
 * key. Status conditions are written so that no index can serve them (`is not distinct from`, `case`):
 * jobs_status_idx fills with dead entries under a burst of status changes, and a plan that scans it
 * gets slower with every job processed. Rows are locked in id order before they change, so two batches
 * on the same rows wait for each other instead of deadlocking. The texts are constant: on Postgres
 * they are prepared once per connection, which saves parsing on every batch (planning is redone each
 * time: see the bookkeeping pool in @assay/db).
 */

/** Where a statement runs: the database (prepared statements on Postgres), or a transaction. */
export type Executor = Database | Db;

const isDatabase = (executor: Executor): executor is Database =>
  'db' in executor && 'kind' in executor && 'query' in executor;

/** The same statement as a Drizzle SQL, for a transaction or PGlite: `$n` become parameters. */
function toDrizzle(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, i) => (i % 2 === 1 ? sql`${values[Number(part) - 1]}` : sql.raw(part))));
}

export interface WriteOptions {
  /**
   * Commit on the main pool, which waits for the WAL flush, instead of the bookkeeping pool: for a
   * write whose loss in a crash would end a job wrongly rather than only repeat work.
   */
  durable?: boolean;
}

async function run<T>(
  executor: Executor,
  name: string,
  text: string,
  values: unknown[],
  options: WriteOptions = {},
): Promise<T[]> {
  const pool = isDatabase(executor)
    ? ((options.durable ? undefined : executor.bookkeepingPool) ?? executor.pool)
    : undefined;
  if (pool) {
    return (await pool.query<T & object>({ name, text, values })).rows;
  }
  const db = isDatabase(executor) ? executor.db : executor;
  return ((await db.execute(toDrizzle(text, values))) as unknown as { rows: T[] }).rows;
}

/** What an attempt needs of its row. */
export type ClaimedJob = Pick<
  JobRow,
  'id' | 'run' | 'name' | 'queue' | 'orgId' | 'payload' | 'attempts' | 'maxAttempts' | 'traceparent'
>;

export interface CompletedRun extends JobMessage {
  result: unknown;
}

export const messageKey = (m: JobMessage) => `${m.jobId}:${m.run}`;
const rowKey = (row: { id: string; run: number }) => `${row.id}:${row.run}`;

/** Ids and runs as array literals; ids are checked, so no value can break out of the literal. */
function arrays(messages: JobMessage[]): [ids: string, runs: string] {
  for (const m of messages) {
    if (!isUuid(m.jobId) || !Number.isInteger(m.run))
      throw new Error(`Not a job message: ${JSON.stringify(m)}`);
  }
  return [`{${messages.map((m) => m.jobId).join(',')}}`, `{${messages.map((m) => m.run).join(',')}}`];
}

/** A write of a running attempt: taking its job for a message, or completing it with its result. */
export type AttemptWrite =
  | { kind: 'claim'; message: JobMessage }
  | { kind: 'complete'; message: JobMessage; result: unknown };

/** Per write: the claimed row (undefined when not claimed), or whether the completion landed. */
export type AttemptWriteResult = ClaimedJob | undefined | boolean;

interface WrittenRow {
  kind: 'claim' | 'complete';
  id: string;
  run: number;
  name: string;
  queue: string;
  org_id: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  traceparent: string | null;
}

// $1 ids, $2 runs, $3 kinds, $4 results (a JSON array, one per write), $5 staleAfterMs.
const WRITE_ATTEMPTS = `with target as materialized (
  select j.id, w.kind, w.i
  from unnest($1::uuid[], $2::int[], $3::text[]) with ordinality as w(id, run, kind, i)
  join jobs j on j.id = w.id and j.run = w.run
  where case when w.kind = 'complete' then j.status is not distinct from 'running'
    else case j.status
      when 'queued' then true
      when 'retrying' then true
      when 'running' then j.heartbeat_at < now() - ($5::double precision * interval '1 millisecond')
        and j.attempts < j.max_attempts
      else false
    end
  end
  order by j.id
  for update of j
), claimed as (
  update jobs set status = 'running', attempts = jobs.attempts + 1, started_at = now(),
    heartbeat_at = now(), finished_at = null, updated_at = now()
  from target where jobs.id = target.id and target.kind = 'claim'
  returning jobs.id, jobs.run, jobs.name, jobs.queue, jobs.org_id, jobs.payload, jobs.attempts,
    jobs.max_attempts, jobs.traceparent
), completed as (
  update jobs set status = 'completed', result = nullif($4::jsonb -> (target.i::int - 1), 'null'),
    progress = 100, error = null, finished_at = now(), heartbeat_at = null, updated_at = now()
  from target where jobs.id = target.id and target.kind = 'complete'
  returning jobs.id, jobs.run
)
select 'claim' as kind, * from claimed
union all
select 'complete', id, run, null, null, null, null, null, null, null from completed`;

/**
 * Claims and completions in one statement, so one commit. A claim takes a row that is queued,
 * retrying, or running with a stale heartbeat (a redelivered message for a dead worker's attempt;
 * past its last attempt the reaper ends it instead). A completion needs the row still running in its
 * run. The same message twice: only the first write takes effect; a claim for a run this batch also
 * completes is dropped (it is a duplicate of the attempt that just ended).
 */
export async function writeAttempts(
  executor: Executor,
  writes: AttemptWrite[],
  staleAfterMs: number,
  options: WriteOptions = {},
): Promise<AttemptWriteResult[]> {
  if (writes.length === 0) return [];
  const sent = firstWrites(writes);
  const kinds = `{${sent.map((w) => w.kind).join(',')}}`;
  // Each result is serialized on its own, as the jsonb column would (undefined and functions become null).
  const results = `[${sent.map((w) => (w.kind === 'complete' ? (JSON.stringify(w.result) ?? 'null') : 'null')).join(',')}]`;
  const rows = await run<WrittenRow>(
    executor,
    'assay_jobs_write_attempts',
    WRITE_ATTEMPTS,
    [...arrays(sent.map((w) => w.message)), kinds, results, staleAfterMs],
    options,
  );
  const written = new Map(rows.map((row) => [`${row.kind}:${rowKey(row)}`, row]));
  const isSent = new Set(sent);
  return writes.map((w) => {
    const row = isSent.has(w) ? written.get(`${w.kind}:${messageKey(w.message)}`) : undefined;
    if (w.kind === 'complete') return row !== undefined;
    return row && toClaimed(row);
  });
}

/**
 * The writes to send: the first of each (kind, message), and no claim of a message the batch also
 * completes. A row updated twice in one statement keeps one update, and not a chosen one.
 */
function firstWrites(writes: AttemptWrite[]): AttemptWrite[] {
  const completing = new Set(writes.filter((w) => w.kind === 'complete').map((w) => messageKey(w.message)));
  const seen = new Set<string>();
  return writes.filter((w) => {
    const key = `${w.kind}:${messageKey(w.message)}`;
    if (seen.has(key) || (w.kind === 'claim' && completing.has(messageKey(w.message)))) return false;
    seen.add(key);
    return true;
  });
}

const toClaimed = (row: WrittenRow): ClaimedJob => ({
  id: row.id,
  run: row.run,
  name: row.name,
  queue: row.queue,
  orgId: row.org_id,
  payload: row.payload,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  traceparent: row.traceparent,
});

/** Per message, in order: its claimed row, or undefined (an old run, a duplicate, finished, cancelled, owned). */
export async function claimJobs(
  executor: Executor,
  messages: JobMessage[],
  staleAfterMs: number,
): Promise<(ClaimedJob | undefined)[]> {
  const writes = messages.map((message) => ({ kind: 'claim' as const, message }));
  return (await writeAttempts(executor, writes, staleAfterMs)) as (ClaimedJob | undefined)[];
}

/** Marks these runs completed with their results; per run, in order: false when the attempt had lost its job. */
export async function completeJobs(
  executor: Executor,
  runs: CompletedRun[],
  options: WriteOptions = {},
): Promise<boolean[]> {
  const writes = runs.map((run) => ({ kind: 'complete' as const, message: run, result: run.result }));
  return (await writeAttempts(executor, writes, 0, options)) as boolean[];
}

const TOUCH = `with target as materialized (
  select j.id from unnest($1::uuid[], $2::int[]) as w(id, run)
  join jobs j on j.id = w.id and j.run = w.run
  where j.status is not distinct from 'running'
  order by j.id
  for update of j skip locked
)
update jobs set heartbeat_at = now(), updated_at = now()
from target where jobs.id = target.id
returning jobs.id, jobs.run`;

/**
 * Heartbeat of many attempts, without waiting: a row locked elsewhere (a cancel being written) is
 * skipped. Returns the keys touched; an attempt left out has lost its job or was locked, which its
 * caller tells apart with a single `touchJob`.
 */
export async function touchJobs(executor: Executor, messages: JobMessage[]): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const rows = await run<{ id: string; run: number }>(executor, 'assay_jobs_touch', TOUCH, arrays(messages));
  return new Set(rows.map(rowKey));
}

const MARK_DISPATCHED = `with target as materialized (
  select j.id from unnest($1::uuid[], $2::int[]) as w(id, run)
  join jobs j on j.id = w.id and j.run = w.run
  order by j.id
  for update of j
)
update jobs set dispatched_run = jobs.run, updated_at = now()
from target where jobs.id = target.id`;

/** Records that these runs were sent (only for the run sent: a newer run still needs its own message). */
export async function markDispatched(executor: Executor, sent: JobMessage[]): Promise<void> {
  if (sent.length === 0) return;
  await run(executor, 'assay_jobs_mark_dispatched', MARK_DISPATCHED, arrays(sent));
}
