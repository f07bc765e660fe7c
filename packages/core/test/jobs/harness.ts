import { jobs as jobsTable } from '@assay/db';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { TestDatabase } from '../../../../test/support/db.ts';
import type { JobFinishedEvent } from '../../src/jobs/runner.ts';
import { createJobs, type Jobs } from '../../src/jobs/service.ts';
import type { JobRow } from '../../src/jobs/store.ts';
import { type JobWorker, startWorker, type WorkerOptions } from '../../src/jobs/worker.ts';
import { type QueueAdapter, uniquePrefix, waitFor } from './adapters.ts';
import { EFFECTS_TABLE, testJobs } from './test-jobs.ts';

/** Short intervals so the suite runs in seconds; staleness stays generous so a slow machine does not reap live jobs. */
export const TEST_WORKER_OPTIONS: Omit<WorkerOptions, 'jobs'> = {
  heartbeatMs: 100,
  staleAfterMs: 5_000,
  sweepIntervalMs: 100,
  reapIntervalMs: 100,
  scheduleIntervalMs: 60_000,
  backoff: { baseMs: 60, factor: 2, maxMs: 2_000, jitter: 0 },
};

/** A jobs service and a started worker on a fresh transport for each test, stopped after it. */
export function useJobsHarness(adapter: QueueAdapter, database: () => TestDatabase) {
  const probe = testJobs();
  const finished: JobFinishedEvent[] = [];
  let started: { jobs: Jobs; worker: JobWorker }[] = [];

  const start = async (options: Partial<WorkerOptions> = {}) => {
    const transport = adapter.transport(database(), uniquePrefix());
    await transport.start();
    const jobs = createJobs({
      database: database(),
      transport,
      definitions: probe.definitions,
      onJobFinished: (event) => finished.push(event),
    });
    const worker = await startWorker({ jobs, ...TEST_WORKER_OPTIONS, ...options });
    started.push({ jobs, worker });
    return { jobs, worker };
  };

  beforeAll(async () => {
    await database().query(EFFECTS_TABLE);
  });
  beforeEach(async () => {
    finished.length = 0;
    await start();
  });
  afterEach(async () => {
    for (const { worker } of started) await worker.stop({ timeoutMs: 500 });
    started = [];
    // Nothing a test left waiting may run in the next test's worker.
    await database()
      .db.update(jobsTable)
      .set({ status: 'cancelled' })
      .where(inArray(jobsTable.status, ['queued', 'retrying', 'running']));
  });

  const row = async (id: string): Promise<JobRow> => {
    const [found] = await database().db.select().from(jobsTable).where(eq(jobsTable.id, id));
    return found;
  };

  return {
    probe,
    finished,
    start,
    /** The first service and worker of the current test. */
    get jobs() {
      return started[0].jobs;
    },
    get worker() {
      return started[0].worker;
    },
    row,
    until: (id: string, status: string, timeoutMs?: number) =>
      waitFor(
        async () => {
          const current = await row(id);
          return current?.status === status ? current : undefined;
        },
        `job ${id} to be ${status}`,
        timeoutMs,
      ),
  };
}
