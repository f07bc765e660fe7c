import type { Db } from '@assay/db';
import type { z } from 'zod';
import type { Logger } from '../logger.ts';

/** The four queues of the platform, with the time budget each is meant for. */
export const QUEUES = ['priority', 'default', 'long-running', 'scheduled'] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOB_STATUSES = [
  'queued',
  'running',
  'retrying',
  'completed',
  'failed',
  'dead',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a backend carries: "run job X, attempt run N". All state lives in the `jobs` table. */
export interface JobMessage {
  jobId: string;
  run: number;
}

/** `priority`: higher runs sooner. */
export interface SendOptions {
  delayMs?: number;
  priority?: number;
}

/** One message of a `sendMany`, with its own options. */
export type OutgoingMessage = JobMessage & SendOptions;

/**
 * A queue backend (BullMQ on Redis, pg-boss on Postgres). Both pass test/contract/queue-transport.
 * `send` and `sendMany` are idempotent per (jobId, run): sending a message again while the first is
 * waiting or running is a no-op (after it was handled it may be delivered again; the worker's claim
 * drops it).
 */
export interface QueueTransport {
  readonly kind: 'bullmq' | 'pg-boss';
  start(): Promise<void>;
  send(queue: QueueName, message: JobMessage, options?: SendOptions): Promise<void>;
  /**
   * Several messages to one queue in one backend call. When it throws, some may have been sent
   * (sending them again is a no-op).
   */
  sendMany(queue: QueueName, messages: OutgoingMessage[]): Promise<void>;
  consume(
    queue: QueueName,
    concurrency: number,
    handler: (message: JobMessage) => Promise<void>,
  ): Promise<void>;
  /** Best-effort removal of a waiting message (cancellation); the jobs table is what really stops it. */
  remove(queue: QueueName, message: JobMessage): Promise<void>;
  /** Messages waiting (not yet running) in a queue. */
  depth(queue: QueueName): Promise<number>;
  ping(): Promise<void>;
  /**
   * Stops taking messages and closes the backend; waits up to `timeoutMs` for running handlers.
   * Handlers still running after that are abandoned: the worker hands their jobs back (see worker.ts).
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface JobContext {
  jobId: string;
  orgId: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  /** The run this attempt belongs to; external effects keyed by `jobId` (not run) happen once. */
  run: number;
  db: Db;
  logger: Logger;
  /** Aborted when the job is cancelled or the worker is shutting down. */
  signal: AbortSignal;
  /** Records progress 0-100; the ETA is derived from elapsed time and progress. */
  progress(percent: number): Promise<void>;
  /**
   * Runs `effects` in one transaction with marking the job completed: either both commit or neither
   * (if the job was cancelled or taken over meanwhile, it throws JobLostError and nothing commits).
   * Its return value is stored as the job's result; the handler's own return value is then ignored.
   * Inside `effects` use `tx` only (not `ctx.db`: on embedded PGlite that would wait on this transaction).
   */
  complete<T>(effects: (tx: Db) => Promise<T>): Promise<T>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique name, `module.action` (for example `core.export`). */
  name: string;
  queue: QueueName;
  payload: S;
  /** Attempts before the job is dead-lettered. Default 5. */
  maxAttempts?: number;
  /**
   * Returned value is stored as the job's `result` (must be JSON). Throw PermanentJobError to fail
   * without retries. External effects (files, e-mails, API calls) must use deterministic keys (for
   * example storage key = job id) so a retried attempt overwrites rather than duplicates.
   */
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}

export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> => definition;
