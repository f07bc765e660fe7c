import { type Database, type Db, jobs as jobsTable } from '@assay/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { conflict, notFound } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { createDispatch } from './dispatch.ts';
import { type EnqueueInput, insertJob, insertJobs, validatePayload } from './enqueue.ts';
import type { JobDefinition, QueueName, QueueTransport } from './port.ts';
import type { JobFinishedEvent } from './runner.ts';
import { removeSchedule, type ScheduleInput, upsertSchedule } from './schedules.ts';
import type { JobRow } from './store.ts';
import { type JobView, toView } from './view.ts';

export interface CreateJobsOptions {
  database: Database;
  /** Started by the caller (`await transport.start()`), stopped by the worker or the process shutdown. */
  transport: QueueTransport;
  logger?: Logger;
  definitions?: JobDefinition<any>[];
  /** Runs due within this window are sent with a backend delay; later ones are left for a later sweep. Default 10 s. */
  dispatchWindowMs?: number;
  /** A send that takes longer counts as failed (the sweeper retries it). Default 5 s. */
  sendTimeoutMs?: number;
  /** Metrics hook, called by workers for every finished attempt. */
  onJobFinished?: (event: JobFinishedEvent) => void;
}

/** The jobs service: the `jobs` table is the outbox and the truth; the transport only carries {jobId, run}. */
export function createJobs(options: CreateJobsOptions) {
  const { database, transport } = options;
  const db = database.db;
  const logger = options.logger ?? silentLogger();
  const definitions = new Map<string, JobDefinition<any>>();
  const windowMs = options.dispatchWindowMs ?? 10_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 5_000;

  const scoped = (orgId: string | null, jobId: string) =>
    and(eq(jobsTable.id, jobId), orgId === null ? isNull(jobsTable.orgId) : eq(jobsTable.orgId, orgId));

  const findOrThrow = async (orgId: string | null, jobId: string): Promise<JobRow> => {
    const [row] = await db.select().from(jobsTable).where(scoped(orgId, jobId));
    if (!row) throw notFound('Job');
    return row;
  };

  /** Sends due, unsent runs (all, or these jobs); never throws: what is not sent now is sent by a later sweep. */
  const dispatch = createDispatch({ database, transport, logger, windowMs, sendTimeoutMs });

  const jobsService = {
    database,
    transport,
    logger,
    onJobFinished: options.onJobFinished,
    get transportKind() {
      return transport.kind;
    },
    ping: () => transport.ping(),
    /** Unfinished jobs per queue and status, from the table (for the queue-depth gauge). */
    countsByQueue: async (): Promise<{ queue: string; status: string; count: number }[]> =>
      db
        .select({ queue: jobsTable.queue, status: jobsTable.status, count: sql<number>`count(*)::int` })
        .from(jobsTable)
        .where(inArray(jobsTable.status, ['queued', 'retrying', 'running']))
        .groupBy(jobsTable.queue, jobsTable.status),
    register(list: JobDefinition<any>[]) {
      for (const definition of list) {
        if (definitions.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice`);
        definitions.set(definition.name, definition);
      }
    },
    definition: (name: string): JobDefinition<any> | undefined => definitions.get(name),
    /** Throws VALIDATION_ERROR when the job is unknown or the payload does not match its schema. */
    validate: (name: string, payload: unknown) => validatePayload(definitions.get(name), name, payload),

    /** Inserts the job in the caller's transaction; call `dispatch([row.id])` after it commits. */
    enqueue: (executor: Db, input: EnqueueInput): Promise<JobRow> =>
      insertJob(executor, definitions.get(input.name), input),

    /** Several jobs in one multi-row insert (see `enqueue`); call `dispatch(ids)` after it commits. */
    enqueueMany: (executor: Db, inputs: EnqueueInput[]): Promise<JobRow[]> =>
      insertJobs(executor, (name) => definitions.get(name), inputs),

    /** Enqueue outside any transaction, then dispatch. */
    async submit(input: EnqueueInput): Promise<JobRow> {
      const row = await insertJob(db, definitions.get(input.name), input);
      await dispatch([row.id]);
      return row;
    },

    dispatch,

    async get(orgId: string | null, jobId: string): Promise<JobView> {
      return toView(await findOrThrow(orgId, jobId));
    },

    /** A waiting job never runs; a running one sees `ctx.signal` aborted at its next heartbeat. */
    async cancel(orgId: string | null, jobId: string): Promise<JobView> {
      const [row] = await db
        .update(jobsTable)
        .set({ status: 'cancelled', finishedAt: sql`now()`, heartbeatAt: null })
        .where(and(scoped(orgId, jobId), inArray(jobsTable.status, ['queued', 'retrying', 'running'])))
        .returning();
      if (!row) {
        const current = await findOrThrow(orgId, jobId);
        throw conflict(`Job is already ${current.status}`);
      }
      await transport
        .remove(row.queue as QueueName, { jobId: row.id, run: row.run })
        .catch((error) =>
          logger.warn({ err: error, jobId }, 'could not remove a cancelled job from its queue'),
        );
      return toView(row);
    },

    /** Runs a dead, failed or cancelled job again from attempt 1, as a new run. */
    async retry(orgId: string | null, jobId: string): Promise<JobView> {
      const [row] = await db
        .update(jobsTable)
        .set({
          status: 'queued',
          run: sql`${jobsTable.run} + 1`,
          attempts: 0,
          progress: 0,
          error: null,
          result: null,
          runAfter: sql`now()`,
          startedAt: null,
          finishedAt: null,
          heartbeatAt: null,
        })
        .where(and(scoped(orgId, jobId), inArray(jobsTable.status, ['dead', 'failed', 'cancelled'])))
        .returning();
      if (!row) {
        const current = await findOrThrow(orgId, jobId);
        throw conflict(`Only dead, failed or cancelled jobs can be retried; this one is ${current.status}`);
      }
      await dispatch([row.id]);
      return toView(row);
    },

    upsertSchedule: (input: ScheduleInput) => upsertSchedule(jobsService, input),
    removeSchedule: (key: string) => removeSchedule(db, key),
  };
  if (options.definitions) jobsService.register(options.definitions);
  return jobsService;
}

export type Jobs = ReturnType<typeof createJobs>;
