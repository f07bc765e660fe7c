import { type Db, jobSchedules } from '@assay/db';
import { CronExpressionParser } from 'cron-parser';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { validationError } from '../errors.ts';
import { QUEUES, type QueueName } from './port.ts';
import type { Jobs } from './service.ts';

export interface ScheduleInput {
  /** Unique key, `module.what`; upserting the same key updates the schedule. */
  key: string;
  /** Five or six fields (seconds first when six), as cron-parser reads them. */
  cron: string;
  /** IANA time zone the cron is read in. Default UTC. */
  timezone?: string;
  /** Default `scheduled`, so periodic work does not wait behind (or crowd) user-triggered jobs. */
  queue?: QueueName;
  name: string;
  payload: unknown;
  orgId?: string | null;
  enabled?: boolean;
}

export type ScheduleRow = typeof jobSchedules.$inferSelect;

/** The first fire time strictly after `after`. */
export function nextFireTime(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

export async function upsertSchedule(jobs: Jobs, input: ScheduleInput): Promise<ScheduleRow> {
  jobs.validate(input.name, input.payload);
  const timezone = input.timezone ?? 'UTC';
  const queue = input.queue ?? 'scheduled';
  if (!QUEUES.includes(queue)) throw validationError(`Unknown queue "${queue}"`);
  let next: Date;
  try {
    next = nextFireTime(input.cron, timezone, new Date());
  } catch (error) {
    throw validationError(`Invalid schedule: ${(error as Error).message}`, [
      { field: 'cron', message: 'Invalid cron or time zone' },
    ]);
  }
  const values = {
    key: input.key,
    orgId: input.orgId ?? null,
    queue,
    name: input.name,
    cron: input.cron,
    timezone,
    payload: input.payload ?? {},
    enabled: input.enabled ?? true,
    nextRunAt: next,
  };
  // Re-upserting an unchanged schedule (every boot does) keeps its pending fire time.
  const timingChanged = sql`(${jobSchedules.cron} is distinct from excluded.cron or ${jobSchedules.timezone} is distinct from excluded.timezone or not ${jobSchedules.enabled})`;
  const [row] = await jobs.database.db
    .insert(jobSchedules)
    .values(values)
    .onConflictDoUpdate({
      target: jobSchedules.key,
      set: {
        orgId: values.orgId,
        queue,
        name: values.name,
        cron: values.cron,
        timezone,
        payload: values.payload,
        enabled: values.enabled,
        nextRunAt: sql`case when ${timingChanged} then excluded.next_run_at else ${jobSchedules.nextRunAt} end`,
      },
    })
    .returning();
  return row;
}

export async function removeSchedule(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .delete(jobSchedules)
    .where(eq(jobSchedules.key, key))
    .returning({ id: jobSchedules.id });
  return rows.length > 0;
}

/**
 * Turns due schedules into jobs and moves each to its next fire time. Schedules are locked with SKIP
 * LOCKED and each job's idempotency key is the schedule key plus its fire time, so workers ticking at
 * the same moment create one job. A fire missed while no worker ran is made up once, not once per miss.
 */
export async function runDueSchedules(jobs: Jobs, now = new Date()): Promise<string[]> {
  const created: string[] = [];
  await jobs.database.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(jobSchedules)
      .where(and(eq(jobSchedules.enabled, true), lte(jobSchedules.nextRunAt, now)))
      .orderBy(asc(jobSchedules.nextRunAt))
      .limit(100)
      .for('update', { skipLocked: true });
    for (const schedule of due) {
      const firedAt = schedule.nextRunAt;
      let next: Date | null = null;
      try {
        next = nextFireTime(schedule.cron, schedule.timezone, now > firedAt ? now : firedAt);
        const row = await tx.transaction((savepoint) =>
          jobs.enqueue(savepoint, {
            orgId: schedule.orgId,
            name: schedule.name,
            payload: schedule.payload,
            queue: schedule.queue as QueueName,
            idempotencyKey: `schedule:${schedule.key}:${firedAt.toISOString()}`,
          }),
        );
        created.push(row.id);
      } catch (error) {
        jobs.logger.error({ err: error, schedule: schedule.key }, 'scheduled job could not be created');
      }
      await tx
        .update(jobSchedules)
        .set(next ? { nextRunAt: next, lastRunAt: firedAt } : { enabled: false })
        .where(eq(jobSchedules.id, schedule.id));
    }
  });
  if (created.length > 0) await jobs.dispatch(created);
  return created;
}
