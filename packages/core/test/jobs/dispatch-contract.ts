import { jobs as jobsTable } from '@assay/db';
import { inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../../test/support/db.ts';
import { DISPATCH_BATCH } from '../../src/jobs/dispatch.ts';
import type { EnqueueInput } from '../../src/jobs/enqueue.ts';
import type { QueueTransport } from '../../src/jobs/port.ts';
import { createJobs, type Jobs } from '../../src/jobs/service.ts';
import { type QueueAdapter, uniquePrefix } from './adapters.ts';
import { testJobs } from './test-jobs.ts';

/** The jobs service sending through a transport, with no worker (and so no sweeper) to make up for a miss. */
export function dispatchContract(adapter: QueueAdapter, database: () => TestDatabase) {
  describe('dispatch', () => {
    let transport: QueueTransport;
    let jobs: Jobs;
    let ids: string[] = [];

    beforeEach(async () => {
      transport = adapter.transport(database(), uniquePrefix());
      await transport.start();
      jobs = createJobs({ database: database(), transport, definitions: testJobs().definitions });
    });
    afterEach(async () => {
      await transport.stop({ timeoutMs: 1_000 });
      // Left queued, they would be sent and run by the next tests' workers.
      if (ids.length > 0)
        await database().db.update(jobsTable).set({ status: 'cancelled' }).where(inArray(jobsTable.id, ids));
      ids = [];
    });

    const enqueue = async (inputs: EnqueueInput[]) => {
      const rows = await database().db.transaction((tx) => jobs.enqueueMany(tx, inputs));
      ids.push(...rows.map((row) => row.id));
      return rows.map((row) => row.id);
    };

    it('sends every job of a list longer than one batch, each to its queue, once', async () => {
      const count = 2 * DISPATCH_BATCH + 17;
      const echo = (i: number): EnqueueInput => ({
        orgId: null,
        name: 'test.echo',
        payload: { value: `bulk ${i}` },
        queue: i % 3 === 0 ? 'priority' : 'default',
      });
      const given = await enqueue(Array.from({ length: count }, (_, i) => echo(i)));
      expect(await jobs.dispatch(given)).toBe(count);
      expect(await transport.depth('priority')).toBe(Math.ceil(count / 3));
      expect(await transport.depth('default')).toBe(count - Math.ceil(count / 3));
      const rows = await database()
        .db.select({ dispatchedRun: jobsTable.dispatchedRun })
        .from(jobsTable)
        .where(inArray(jobsTable.id, given));
      expect(rows.filter((row) => row.dispatchedRun === 1)).toHaveLength(count);
      expect(await jobs.dispatch(given)).toBe(0);
    });

    it('sends every due job in one sweep, however many batches that takes', async () => {
      const count = DISPATCH_BATCH + 5;
      await enqueue(
        Array.from({ length: count }, (_, i) => ({
          orgId: null,
          name: 'test.echo',
          payload: { value: `${i}` },
        })),
      );
      expect(await jobs.dispatch()).toBe(count);
      expect(await transport.depth('default')).toBe(count);
      expect(await jobs.dispatch()).toBe(0);
    });
  });
}
