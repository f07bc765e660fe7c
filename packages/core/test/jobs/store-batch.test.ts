import { type Database, jobs as jobsTable, openDatabase, uuidv7 } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { EMBEDDED_ONLY } from '../../../../test/support/services.ts';
import { insertJobs } from '../../src/jobs/enqueue.ts';
import { completeJobs, markDispatched, touchJobs, writeAttempts } from '../../src/jobs/store-batch.ts';
import { testJobs } from './test-jobs.ts';

/** The batched statements of store-batch.ts, on Postgres (prepared statements) or PGlite when embedded. */
describe('batched job statements', () => {
  let database: TestDatabase;
  const definitions = new Map(testJobs().definitions.map((d) => [d.name, d]));
  const STALE = 60_000;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const newJobs = async (count: number) =>
    (
      await insertJobs(
        database.db,
        (name) => definitions.get(name),
        Array.from({ length: count }, (_, i) => ({
          orgId: null,
          name: 'test.echo',
          payload: { value: `${i}` },
        })),
      )
    ).map((row) => ({ jobId: row.id, run: row.run }));
  /** The test database opened again with pools of its own (Postgres only), closed after `use`. */
  const withOwnPools = async (poolSize: number, use: (own: Database) => Promise<void>) => {
    if (!database.url) throw new Error('needs Postgres: its pools and prepared statements exist only there');
    const own = await openDatabase({ kind: 'postgres', url: database.url, poolSize });
    try {
      await use(own);
    } finally {
      await own.close();
    }
  };
  const row = async (id: string) =>
    (await database.db.select().from(jobsTable).where(eq(jobsTable.id, id)))[0];

  it('returns inserted rows as Drizzle reads them', async () => {
    const [a] = await insertJobs(database.db, (name) => definitions.get(name), [
      { orgId: uuidv7(), name: 'test.echo', payload: { value: 'x' }, delayMs: 1_000, idempotencyKey: 'k' },
    ]);
    expect(await row(a.id)).toEqual(a);
  });

  it('claims and completes in one statement, each write fenced by its run and status', async () => {
    const [a, b, c] = await newJobs(3);
    const [claimedA, claimedB, staleRun] = await writeAttempts(
      database,
      [
        { kind: 'claim', message: a },
        { kind: 'claim', message: b },
        { kind: 'claim', message: { ...c, run: 2 } },
      ],
      STALE,
    );
    expect(claimedA).toMatchObject({
      id: a.jobId,
      run: 1,
      attempts: 1,
      name: 'test.echo',
      payload: { value: '0' },
    });
    expect(claimedB).toMatchObject({ id: b.jobId, attempts: 1 });
    expect(staleRun).toBeUndefined();
    const results = await writeAttempts(
      database,
      [
        { kind: 'complete', message: a, result: { done: 'a' } },
        { kind: 'complete', message: { ...b, run: 2 }, result: 'wrong run' },
        { kind: 'claim', message: c },
        { kind: 'claim', message: a },
      ],
      STALE,
    );
    expect(results[0]).toBe(true);
    expect(results[1]).toBe(false);
    expect(results[2]).toMatchObject({ id: c.jobId, attempts: 1 });
    expect(results[3]).toBeUndefined();
    expect(await row(a.jobId)).toMatchObject({ status: 'completed', result: { done: 'a' }, progress: 100 });
    expect(await row(b.jobId)).toMatchObject({ status: 'running', result: null });
    expect(
      await writeAttempts(database, [{ kind: 'complete', message: b, result: undefined }], STALE),
    ).toEqual([true]);
    expect(await row(b.jobId)).toMatchObject({ status: 'completed', result: null });
    // Stored as SQL null, as completeJob stores a handler's null or undefined.
    const [stored] = await database.query<{ empty: boolean }>(
      sql`select result is null as empty from jobs where id = ${b.jobId}`,
    );
    expect(stored.empty).toBe(true);
  });

  it('gives a message repeated in one batch to its first write only', async () => {
    const [a, b] = await newJobs(2);
    const claims = await writeAttempts(
      database,
      [
        { kind: 'claim', message: a },
        { kind: 'claim', message: a },
      ],
      STALE,
    );
    expect(claims[0]).toMatchObject({ id: a.jobId });
    expect(claims[1]).toBeUndefined();
    expect(await row(a.jobId)).toMatchObject({ attempts: 1 });
    // A claim for a run the same batch completes is a duplicate of the attempt that just ended.
    await writeAttempts(database, [{ kind: 'claim', message: b }], STALE);
    const mixed = await writeAttempts(
      database,
      [
        { kind: 'claim', message: b },
        { kind: 'complete', message: b, result: 1 },
        { kind: 'complete', message: b, result: 2 },
      ],
      STALE,
    );
    expect(mixed).toEqual([undefined, true, false]);
    expect(await row(b.jobId)).toMatchObject({ status: 'completed', attempts: 1, result: 1 });
  });

  it('claims a running row again only once its heartbeat is stale and attempts remain', async () => {
    const [a] = await newJobs(1);
    await writeAttempts(database, [{ kind: 'claim', message: a }], STALE);
    expect(await writeAttempts(database, [{ kind: 'claim', message: a }], STALE)).toEqual([undefined]);
    await database.db
      .update(jobsTable)
      .set({ heartbeatAt: sql`now() - interval '2 minutes'` })
      .where(eq(jobsTable.id, a.jobId));
    expect(await writeAttempts(database, [{ kind: 'claim', message: a }], STALE)).toEqual([
      expect.objectContaining({ attempts: 2 }),
    ]);
  });

  it('touches only running rows of the right run, and marks only the run sent as dispatched', async () => {
    const [a, b] = await newJobs(2);
    await writeAttempts(database, [{ kind: 'claim', message: a }], STALE);
    const touched = await touchJobs(database, [a, b, { ...a, run: 2 }]);
    expect([...touched]).toEqual([`${a.jobId}:1`]);
    await markDispatched(database, [b, { ...a, run: 2 }]);
    expect((await row(b.jobId)).dispatchedRun).toBe(1);
    expect((await row(a.jobId)).dispatchedRun).toBe(0);
  });

  // A generic plan made while the table was small scans the whole table per batch once it has grown.
  it.skipIf(EMBEDDED_ONLY)(
    'plans each run of a prepared bookkeeping statement for the table as it is now',
    async () => {
      await withOwnPools(1, async (single) => {
        const [a] = await newJobs(1);
        for (let i = 0; i < 8; i++) await writeAttempts(single, [{ kind: 'claim', message: a }], STALE);
        const { rows } = await single.bookkeepingPool!.query(
          `select generic_plans, custom_plans from pg_prepared_statements where name = 'assay_jobs_write_attempts'`,
        );
        expect(rows).toEqual([{ generic_plans: 0, custom_plans: 8 }]);
      });
    },
  );

  it.skipIf(EMBEDDED_ONLY)(
    'commits a durable write on the main pool, which waits for the WAL flush, and the rest on the bookkeeping pool',
    async () => {
      await withOwnPools(2, async (fresh) => {
        const [a, b] = await newJobs(2);
        await writeAttempts(
          fresh,
          [
            { kind: 'claim', message: a },
            { kind: 'claim', message: b },
          ],
          STALE,
        );
        expect(await completeJobs(fresh, [{ ...a, result: 'fast' }])).toEqual([true]);
        expect([fresh.pool!.totalCount, fresh.bookkeepingPool!.totalCount]).toEqual([0, 1]);
        expect(await completeJobs(fresh, [{ ...b, result: 'durable' }], { durable: true })).toEqual([true]);
        expect([fresh.pool!.totalCount, fresh.bookkeepingPool!.totalCount]).toEqual([1, 1]);
        const setting = async (pool: typeof fresh.pool) =>
          (await pool!.query('show synchronous_commit')).rows[0].synchronous_commit;
        expect([await setting(fresh.pool), await setting(fresh.bookkeepingPool)]).toEqual(['on', 'off']);
        expect(await row(b.jobId)).toMatchObject({ status: 'completed', result: 'durable' });
      });
    },
  );

  it('runs in a transaction of the caller, and refuses what is not a job message', async () => {
    const [a] = await newJobs(1);
    await expect(
      database.db.transaction(async (tx) => {
        expect(await writeAttempts(tx, [{ kind: 'claim', message: a }], STALE)).toEqual([
          expect.objectContaining({ id: a.jobId }),
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await row(a.jobId)).toMatchObject({ status: 'queued', attempts: 0 });
    await expect(
      writeAttempts(database, [{ kind: 'claim', message: { jobId: `${uuidv7()},x`, run: 1 } }], STALE),
    ).rejects.toThrow(/Not a job message/);
  });
});
