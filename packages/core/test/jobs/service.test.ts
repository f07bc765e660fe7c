import { jobs as jobsTable, uuidv7 } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import type { QueueTransport } from '../../src/jobs/port.ts';
import { createJobs, type Jobs } from '../../src/jobs/service.ts';
import { createPgBossTransport } from '../../src/jobs/transports/pg-boss.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import { testJobs } from './test-jobs.ts';

/** The service without a worker, on embedded PGlite with pg-boss: outbox, dispatch failures, tenancy. */
describe('jobs service', () => {
  let database: TestDatabase;
  let real: QueueTransport;
  let jobs: Jobs;
  let down = false;
  const org = uuidv7();

  beforeAll(async () => {
    database = await createTestDatabase({ embedded: true });
    real = createPgBossTransport({ database, prefix: 'service-test' });
    await real.start();
    // The real transport, except that sends fail while `down` (Redis restarting, a network blip).
    const transport: QueueTransport = {
      ...real,
      send: (...args) => (down ? Promise.reject(new Error('queue is down')) : real.send(...args)),
      sendMany: (...args) => (down ? Promise.reject(new Error('queue is down')) : real.sendMany(...args)),
    };
    jobs = createJobs({ database, transport, definitions: testJobs().definitions });
  });
  afterAll(async () => {
    await real?.stop();
    await database?.drop();
  });

  const row = async (id: string) =>
    (await database.db.select().from(jobsTable).where(eq(jobsTable.id, id)))[0];
  const echo = { orgId: org, name: 'test.echo', payload: { value: 'v' } };

  it('stores nothing when the transaction that enqueued rolls back', async () => {
    let id = '';
    await expect(
      database.db.transaction(async (tx) => {
        id = (await jobs.enqueue(tx, echo)).id;
        throw new Error('the request failed after enqueueing');
      }),
    ).rejects.toThrow('the request failed');
    expect(await row(id)).toBeUndefined();
  });

  it('enqueues many jobs in one insert, in the order given', async () => {
    const inputs = [1, 2, 3].map((i) => ({ ...echo, payload: { value: `many ${i}` } }));
    const rows = await database.db.transaction((tx) => jobs.enqueueMany(tx, inputs));
    expect(rows.map((r) => r.payload)).toEqual(inputs.map((input) => input.payload));
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(rows[0]).toMatchObject({
      orgId: org,
      queue: 'default',
      maxAttempts: 5,
      runAfter: expect.any(Date),
    });
    const [later] = await jobs.enqueueMany(database.db, [{ ...echo, delayMs: 60_000, maxAttempts: 2 }]);
    expect(later.runAfter.getTime() - later.createdAt.getTime()).toBeGreaterThanOrEqual(59_000);
    expect(await row(later.id)).toEqual(later);
    for (const r of rows)
      expect(await row(r.id)).toMatchObject({ status: 'queued', run: 1, dispatchedRun: 0 });
    expect(await jobs.enqueueMany(database.db, [])).toEqual([]);
  });

  it('gives an existing or repeated idempotency key in enqueueMany the row created first', async () => {
    const key = `key-${uuidv7()}`;
    const first = await jobs.enqueue(database.db, { ...echo, idempotencyKey: key });
    const otherOrg = uuidv7();
    const [again, fresh, freshAgain, elsewhere] = await jobs.enqueueMany(database.db, [
      { ...echo, idempotencyKey: key },
      { ...echo, idempotencyKey: `${key}-2` },
      { ...echo, idempotencyKey: `${key}-2` },
      { ...echo, orgId: otherOrg, idempotencyKey: key },
    ]);
    expect(again.id).toBe(first.id);
    expect(freshAgain.id).toBe(fresh.id);
    expect(fresh.id).not.toBe(first.id);
    expect(elsewhere).toMatchObject({ orgId: otherOrg });
    expect(elsewhere.id).not.toBe(first.id);
    await expect(
      jobs.enqueueMany(database.db, [
        { orgId: org, name: 'test.fails', payload: { key: 'k' }, idempotencyKey: key },
      ]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stores nothing from enqueueMany when one input is invalid', async () => {
    const before = await database.db.select({ id: jobsTable.id }).from(jobsTable);
    await expect(
      jobs.enqueueMany(database.db, [echo, { ...echo, payload: { value: 42 } }]),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(jobs.enqueueMany(database.db, [echo, { ...echo, maxAttempts: 0 }])).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    expect(await database.db.select({ id: jobsTable.id }).from(jobsTable)).toHaveLength(before.length);
  });

  it('keeps a job whose send failed for a later dispatch, without throwing', async () => {
    down = true;
    const job = await jobs.submit(echo);
    expect(await row(job.id)).toMatchObject({ status: 'queued', dispatchedRun: 0 });
    down = false;
    expect(await jobs.dispatch()).toBeGreaterThanOrEqual(1);
    expect((await row(job.id)).dispatchedRun).toBe(1);
    expect(await jobs.dispatch([job.id])).toBe(0);
  });

  it('sends a delayed job only once it is due within the dispatch window', async () => {
    const job = await jobs.submit({ ...echo, delayMs: 60 * 60_000 });
    expect((await row(job.id)).dispatchedRun).toBe(0);
    await database.db
      .update(jobsTable)
      .set({ runAfter: sql`now() + interval '2 seconds'` })
      .where(eq(jobsTable.id, job.id));
    expect(await jobs.dispatch([job.id])).toBe(1);
  });

  it('sends again a run the backend lost, once it has waited past resendAfterMs', async () => {
    const job = await jobs.submit({ ...echo, queue: 'scheduled' });
    await real.remove('scheduled', { jobId: job.id, run: 1 });
    expect(await real.depth('scheduled')).toBe(0);
    expect(await jobs.dispatch(undefined, { resendAfterMs: 60_000 })).toBe(0);
    await database.db
      .update(jobsTable)
      .set({ updatedAt: new Date(Date.now() - 120_000) })
      .where(eq(jobsTable.id, job.id));
    expect(await jobs.dispatch(undefined, { resendAfterMs: 60_000 })).toBe(1);
    expect(await real.depth('scheduled')).toBe(1);
    expect(await jobs.dispatch(undefined, { resendAfterMs: 60_000 })).toBe(0);
  });

  it("answers NOT_FOUND for another organization's job", async () => {
    const job = await jobs.submit(echo);
    const stranger = uuidv7();
    await expect(jobs.get(stranger, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(jobs.cancel(stranger, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(jobs.retry(stranger, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await row(job.id)).status).toBe('queued');
  });

  it('counts unfinished jobs per queue and status', async () => {
    const counts = await jobs.countsByQueue();
    expect(counts).toContainEqual({ queue: 'default', status: 'queued', count: expect.any(Number) });
    expect(counts.every((c) => ['queued', 'retrying', 'running'].includes(c.status))).toBe(true);
  });

  it('refuses a worker whose staleness would not survive two missed heartbeats', async () => {
    await expect(startWorker({ jobs, heartbeatMs: 1_000, staleAfterMs: 1_500 })).rejects.toThrow(
      /staleAfterMs/,
    );
  });
});
