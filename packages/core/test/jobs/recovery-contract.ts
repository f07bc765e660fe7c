import { randomUUID } from 'node:crypto';
import { jobSchedules, jobs as jobsTable } from '@assay/db';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { TestDatabase } from '../../../../test/support/db.ts';
import { runDueSchedules } from '../../src/jobs/schedules.ts';
import { claimJob, completeJob } from '../../src/jobs/store.ts';
import { waitFor } from './adapters.ts';
import type { useJobsHarness } from './harness.ts';

/** Jobs reach the end despite two schedulers, a lost dispatch, a killed worker, and a shutdown mid-job. */
export function recoveryContract(h: ReturnType<typeof useJobsHarness>, database: () => TestDatabase) {
  it('fires a due cron schedule once when two workers tick at the same moment', async () => {
    const key = `test.schedule.${randomUUID()}`;
    const schedule = await h.jobs.upsertSchedule({
      key,
      cron: '*/5 * * * *',
      name: 'test.echo',
      payload: { value: 'tick' },
    });
    expect(schedule).toMatchObject({ queue: 'scheduled', timezone: 'UTC', enabled: true });
    expect(schedule.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    const firedAt = new Date(Date.now() - 60_000);
    firedAt.setUTCSeconds(0, 0);
    const setDue = () =>
      database().db.update(jobSchedules).set({ nextRunAt: firedAt }).where(eq(jobSchedules.key, key));
    await setDue();
    const other = await h.start();
    await Promise.all([h.worker.runSchedules(), other.worker.runSchedules(), runDueSchedules(other.jobs)]);
    const created = () =>
      database()
        .db.select()
        .from(jobsTable)
        .where(like(jobsTable.idempotencyKey, `%schedule:${key}:%`));
    // A worker's own periodic tick may have taken the row first (the three calls above then skip it):
    // wait for its transaction to commit, then there must be exactly one job.
    await waitFor(async () => (await created()).length > 0 || undefined, 'the scheduled job');
    expect(await created()).toHaveLength(1);
    const [after] = await database().db.select().from(jobSchedules).where(eq(jobSchedules.key, key));
    expect(after.lastRunAt).toEqual(firedAt);
    expect(after.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    // The same fire time seen again (a scheduler that read the row before it moved on) adds nothing.
    await setDue();
    await h.worker.runSchedules();
    const [job] = await created();
    expect(await created()).toHaveLength(1);
    expect(job.queue).toBe('scheduled');
    await h.until(job.id, 'completed');
    // Upserting it unchanged (every boot does) keeps its timing; removing it stops it.
    const [moved] = await database().db.select().from(jobSchedules).where(eq(jobSchedules.key, key));
    await h.jobs.upsertSchedule({ key, cron: '*/5 * * * *', name: 'test.echo', payload: { value: 'tick' } });
    const [same] = await database().db.select().from(jobSchedules).where(eq(jobSchedules.key, key));
    expect(same.nextRunAt).toEqual(moved.nextRunAt);
    expect(await h.jobs.removeSchedule(key)).toBe(true);
    await expect(
      h.jobs.upsertSchedule({ key, cron: 'not a cron', name: 'test.echo', payload: { value: 'x' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('delivers a job whose dispatch was lost (committed, never sent) from the sweeper', async () => {
    const job = await database().db.transaction((tx) =>
      h.jobs.enqueue(tx, { orgId: null, name: 'test.echo', payload: { value: 'swept' } }),
    );
    expect(job.dispatchedRun).toBe(0);
    const done = await h.until(job.id, 'completed');
    expect(done).toMatchObject({ dispatchedRun: 1, result: { echo: 'swept', attempt: 1 } });
  });

  it('takes a job from a killed worker after its heartbeat goes stale, and its effect happens once', async () => {
    // The "killed" worker: claimed run 1, then never heartbeat again, never finished.
    const job = await database().db.transaction(async (tx) => {
      const row = await h.jobs.enqueue(tx, { orgId: null, name: 'test.effect', payload: { key: 'k' } });
      expect(await claimJob(tx, { jobId: row.id, run: 1 }, 60_000)).toMatchObject({ run: 1, attempts: 1 });
      return row;
    });
    await database()
      .db.update(jobsTable)
      .set({ heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(jobsTable.id, job.id));
    const done = await h.until(job.id, 'completed');
    expect(done).toMatchObject({ run: 2, attempts: 2, result: { wrote: 2 } });
    // The old attempt waking up cannot complete (or commit effects for) a job it no longer owns.
    expect(await completeJob(database().db, job.id, 1, { wrote: 1 })).toBe(false);
    const effects = await database().query<{ run: number }>(
      sql`select run from job_test_effects where job_id = ${job.id}`,
    );
    expect(effects).toEqual([{ run: 2 }]);
  });

  it('leaves no job running when stop returns, while jobs are finishing', async () => {
    const rows = await h.jobs.enqueueMany(
      database().db,
      Array.from({ length: 60 }, (_, i) => ({
        orgId: null,
        name: 'test.echo',
        payload: { value: `stop ${i}` },
      })),
    );
    const ids = rows.map((row) => row.id);
    await h.jobs.dispatch(ids);
    const statuses = async () =>
      (
        await database()
          .db.select({ status: jobsTable.status, attempts: jobsTable.attempts })
          .from(jobsTable)
          .where(inArray(jobsTable.id, ids))
      ).map((row) => `${row.status}:${row.attempts}`);
    await waitFor(
      async () => (await statuses()).some((s) => s.startsWith('completed')),
      'a first completion',
    );
    await h.worker.stop({ timeoutMs: 2_000 });
    // Completed once, or back in the queue with its attempt not counted: nothing in between.
    expect((await statuses()).filter((s) => s !== 'completed:1' && s !== 'queued:0')).toEqual([]);
  });

  it('hands a job still running at shutdown back, and another worker finishes it', async () => {
    const key = randomUUID();
    const job = await h.jobs.submit({ orgId: null, name: 'test.block', payload: { key } });
    await waitFor(() => h.probe.starts(key).length === 1, 'the handler to start');
    await h.worker.stop({ timeoutMs: 200 });
    await waitFor(() => h.probe.sawAbort(key), 'the handler to see the shutdown');
    expect(await h.row(job.id)).toMatchObject({ status: 'queued', run: 2, attempts: 0 });
    await h.start();
    await waitFor(() => h.probe.starts(key).length === 2, 'the job to start again');
    h.probe.release(key);
    expect(await h.until(job.id, 'completed')).toMatchObject({
      run: 2,
      attempts: 1,
      result: { released: true },
    });
  });
}
