import { type Db, jobs, uuidv7 } from '@assay/db';
import { getTableColumns, inArray, sql } from 'drizzle-orm';
import { chunksOf } from '../chunks.ts';
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

/** One row to insert, in the names of the recordset below. */
interface JobValues {
  id: string;
  org_id: string | null;
  queue: QueueName;
  name: string;
  payload: unknown;
  max_attempts: number;
  idempotency_key: string | null;
  created_by: string | null;
  traceparent: string | null;
  delay_ms: number;
}

/** Checks one input and makes its row (with its id, so the insert's result can be matched to the input). */
function toValues(
  definition: JobDefinition | undefined,
  input: EnqueueInput,
  traceparent: string | null,
): JobValues {
  validatePayload(definition, input.name, input.payload);
  const maxAttempts = input.maxAttempts ?? definition?.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw validationError('maxAttempts must be an integer from 1 to 100');
  }
  if (input.delayMs !== undefined && !(input.delayMs >= 0)) throw validationError('delayMs must be >= 0');
  const queue = input.queue ?? definition!.queue;
  if (!QUEUES.includes(queue)) throw validationError(`Unknown queue "${queue}"`);
  return {
    id: uuidv7(),
    org_id: input.orgId,
    queue,
    name: input.name,
    payload: input.payload ?? {},
    max_attempts: maxAttempts,
    idempotency_key: input.idempotencyKey ? scopedIdempotencyKey(input.orgId, input.idempotencyKey) : null,
    created_by: input.createdBy ?? null,
    traceparent: input.traceparent ?? traceparent,
    delay_ms: input.delayMs ?? 0,
  };
}

/** Rows per INSERT, so that one statement's JSON stays small. */
const ROWS_PER_INSERT = 500;

/**
 * The rows travel as one JSON parameter: building a 500-row VALUES list with Drizzle cost about 0.1 ms
 * of CPU per row, more than the database spends inserting it. Columns not listed take their defaults.
 */
const insertStatement = (values: JobValues[]) => sql`
  insert into jobs (id, org_id, queue, name, payload, max_attempts, idempotency_key, created_by, traceparent, run_after)
  select r.id, r.org_id, r.queue, r.name, r.payload, r.max_attempts, r.idempotency_key, r.created_by,
    r.traceparent, now() + (r.delay_ms * interval '1 millisecond')
  from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(id uuid, org_id uuid, queue text, name text,
    payload jsonb, max_attempts int, idempotency_key text, created_by text, traceparent text,
    delay_ms double precision)
  on conflict (idempotency_key) do nothing
  returning *`;

const columns = Object.entries(getTableColumns(jobs));

/** A row as the database named it, mapped the way Drizzle maps its own results. */
function toJobRow(raw: Record<string, unknown>): JobRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as JobRow;
}

/**
 * Inserts the jobs' rows with `executor` (a transaction of the caller, so the jobs commit with their
 * cause), one multi-row INSERT per 500, and returns them in the order given. An input whose idempotency
 * key exists (or repeats an earlier input's) gets the existing row. Every input is validated before
 * anything is written; a key reused for another job type throws CONFLICT after the insert, so give a
 * transaction to have all or none.
 */
export async function insertJobs(
  executor: Db,
  definitionOf: (name: string) => JobDefinition | undefined,
  inputs: EnqueueInput[],
): Promise<JobRow[]> {
  if (inputs.length === 0) return [];
  const traceparent = inputs.every((input) => input.traceparent) ? null : (currentTraceparent() ?? null);
  const values = inputs.map((input) => toValues(definitionOf(input.name), input, traceparent));
  const inserted = new Map<string, JobRow>();
  for (const chunk of chunksOf(values, ROWS_PER_INSERT)) {
    const result = (await executor.execute(insertStatement(chunk))) as unknown as {
      rows: Record<string, unknown>[];
    };
    for (const raw of result.rows) {
      const row = toJobRow(raw);
      inserted.set(row.id, row);
    }
  }
  const skippedKeys = values
    .filter((v) => !inserted.has(v.id) && v.idempotency_key)
    .map((v) => v.idempotency_key!);
  const existing = await existingByKey(executor, skippedKeys);
  return values.map((v, i) => {
    const row = inserted.get(v.id) ?? (v.idempotency_key ? existing.get(v.idempotency_key) : undefined);
    if (!row) throw conflict('A job with this idempotency key is being created; try again');
    if (row.name !== inputs[i].name)
      throw conflict('This idempotency key was already used for another job type');
    return row;
  });
}

/** The rows already holding these (scoped) idempotency keys. */
async function existingByKey(executor: Db, keys: string[]): Promise<Map<string, JobRow>> {
  const found = new Map<string, JobRow>();
  for (const chunk of chunksOf([...new Set(keys)], ROWS_PER_INSERT)) {
    const rows = await executor.select().from(jobs).where(inArray(jobs.idempotencyKey, chunk));
    for (const row of rows) found.set(row.idempotencyKey!, row);
  }
  return found;
}

/** One job: see `insertJobs`. */
export async function insertJob(
  executor: Db,
  definition: JobDefinition | undefined,
  input: EnqueueInput,
): Promise<JobRow> {
  const [row] = await insertJobs(executor, () => definition, [input]);
  return row;
}
