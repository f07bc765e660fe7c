import { type Db, jobs } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { conflict, validationError } from '../errors.ts';
import { currentTraceparent } from '../tracing.ts';
import { type JobDefinition, QUEUES, type QueueName } from './port.ts';
import type { JobRow } from './store.ts';

export interface EnqueueInput {
  /** The tenant; null for platform jobs. */
  orgId: string | null;
  name: string;
  payload: unknown;
  /** Same key (within the organization) returns the job created first instead of a new one. */
  idempotencyKey?: string;
  /** Not before this delay from now. */
  delayMs?: number;
  /** Default: the definition's, else 5. */
  maxAttempts?: number;
  /** Default: the definition's queue. */
  queue?: QueueName;
  createdBy?: string;
  traceparent?: string;
}

/** Checks a payload against its job's schema: a VALIDATION_ERROR with one detail per issue. */
export function validatePayload(definition: JobDefinition | undefined, name: string, payload: unknown): void {
  if (!definition) {
    throw validationError(`Unknown job type "${name}"`, [{ field: 'name', message: 'No job of this name' }]);
  }
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    throw validationError(
      `Invalid payload for job "${name}"`,
      parsed.error.issues.map((issue) => ({
        field: ['payload', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  }
}

/** Keys are unique across the table, so they are scoped by organization: one tenant cannot reach another's job. */
export const scopedIdempotencyKey = (orgId: string | null, key: string) => `${orgId ?? 'platform'}:${key}`;

/** Inserts the job row with `executor` (a transaction of the caller, so the job commits with its cause). */
export async function insertJob(
  executor: Db,
  definition: JobDefinition | undefined,
  input: EnqueueInput,
): Promise<JobRow> {
  validatePayload(definition, input.name, input.payload);
  const maxAttempts = input.maxAttempts ?? definition?.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw validationError('maxAttempts must be an integer from 1 to 100');
  }
  if (input.delayMs !== undefined && !(input.delayMs >= 0)) throw validationError('delayMs must be >= 0');
  const queue = input.queue ?? definition!.queue;
  if (!QUEUES.includes(queue)) throw validationError(`Unknown queue "${queue}"`);
  const key = input.idempotencyKey ? scopedIdempotencyKey(input.orgId, input.idempotencyKey) : null;
  const [row] = await executor
    .insert(jobs)
    .values({
      orgId: input.orgId,
      queue,
      name: input.name,
      payload: input.payload ?? {},
      maxAttempts,
      idempotencyKey: key,
      createdBy: input.createdBy ?? null,
      traceparent: input.traceparent ?? currentTraceparent() ?? null,
      ...(input.delayMs
        ? { runAfter: sql`now() + (${input.delayMs}::double precision * interval '1 millisecond')` }
        : {}),
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning();
  if (row) return row;
  const [existing] = await executor.select().from(jobs).where(eq(jobs.idempotencyKey, key!));
  if (!existing) throw conflict('A job with this idempotency key is being created; try again');
  if (existing.name !== input.name)
    throw conflict('This idempotency key was already used for another job type');
  return existing;
}
