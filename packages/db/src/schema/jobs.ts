import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns.ts';

/**
 * The source of truth for background work. Rows are written in the same transaction as the
 * request that causes them (an outbox); queue backends only carry "run job X, run N" messages.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    orgId: uuid('org_id'),
    queue: text('queue').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    run: integer('run').notNull().default(1),
    dispatchedRun: integer('dispatched_run').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    result: jsonb('result'),
    error: text('error'),
    runAfter: tstz('run_after').notNull().defaultNow(),
    heartbeatAt: tstz('heartbeat_at'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    createdBy: text('created_by'),
    traceparent: text('traceparent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_key').on(t.idempotencyKey),
    index('jobs_org_id_idx').on(t.orgId),
    index('jobs_created_at_idx').on(t.createdAt),
    index('jobs_status_idx').on(t.status, t.runAfter),
  ],
);

export const jobSchedules = pgTable(
  'job_schedules',
  {
    id: id(),
    key: text('key').notNull(),
    orgId: uuid('org_id'),
    queue: text('queue').notNull(),
    name: text('name').notNull(),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    payload: jsonb('payload').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: tstz('next_run_at').notNull(),
    lastRunAt: tstz('last_run_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('job_schedules_key').on(t.key),
    index('job_schedules_org_id_idx').on(t.orgId),
    index('job_schedules_created_at_idx').on(t.createdAt),
    index('job_schedules_next_run_idx').on(t.enabled, t.nextRunAt),
  ],
);
