import { randomUUID } from 'node:crypto';
import { jobs as jobsTable, uuidv7 } from '@assay/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../../test/support/db.ts';
import { AppError } from '../../src/errors.ts';
import type { QueueAdapter } from './adapters.ts';
import { sleep, waitFor } from './adapters.ts';
import { useJobsHarness } from './harness.ts';
import { recoveryContract } from './recovery-contract.ts';

/** The jobs service and worker on one transport: the life of a job, then recovery from failures. */
export function workerContract(adapter: QueueAdapter, database: () => TestDatabase) {
  describe('jobs service and worker', () => {
    const h = useJobsHarness(adapter, database);
    const org = uuidv7();

    it('runs an enqueued job to completed, with its result, progress and metrics', async () => {
      const job = await h.jobs.submit({ orgId: org, name: 'test.echo', payload: { value: 'hi', steps: 3 } });
      expect(job).toMatchObject({ status: 'queued', run: 1, attempts: 0, orgId: org, queue: 'default' });
      const done = await h.until(job.id, 'completed');
      expect(done).toMatchObject({
        result: { echo: 'hi', attempt: 1 },
        progress: 100,
        attempts: 1,
        error: null,
      });
      expect(done.finishedAt).toBeInstanceOf(Date);
      // The finished hook runs once the row is written, so it may trail the status by a moment.
      await waitFor(() => h.finished.some((e) => e.jobId === job.id), 'the finished hook');
      expect(h.finished).toContainEqual(
        expect.objectContaining({ jobId: job.id, queue: 'default', name: 'test.echo', outcome: 'completed' }),
      );
      expect((await h.jobs.get(org, job.id)).eta).toBeNull();
      await expect(h.jobs.get(uuidv7(), job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('returns the same job for the same idempotency key, per organization', async () => {
      const key = randomUUID();
      const first = await database().db.transaction((tx) =>
        h.jobs.enqueue(tx, {
          orgId: org,
          name: 'test.echo',
          payload: { value: 'once' },
          idempotencyKey: key,
        }),
      );
      const again = await h.jobs.submit({
        orgId: org,
        name: 'test.echo',
        payload: { value: 'once' },
        idempotencyKey: key,
      });
      const otherOrg = await h.jobs.submit({
        orgId: uuidv7(),
        name: 'test.echo',
        payload: { value: 'once' },
        idempotencyKey: key,
      });
      expect(again.id).toBe(first.id);
      expect(otherOrg.id).not.toBe(first.id);
      await expect(
        h.jobs.submit({ orgId: org, name: 'test.fails', payload: { key: 'x' }, idempotencyKey: key }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await h.until(first.id, 'completed');
    });

    it('rejects a payload that does not match the job schema before anything is stored', async () => {
      const error = await h.jobs
        .submit({ orgId: org, name: 'test.echo', payload: { value: 42 } })
        .catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'payload.value' }] });
      await expect(h.jobs.submit({ orgId: org, name: 'test.nope', payload: {} })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    });

    it('retries a failing job with exponential backoff, then dead-letters it', async () => {
      const key = randomUUID();
      const job = await h.jobs.submit({ orgId: org, name: 'test.fails', payload: { key } });
      const dead = await h.until(job.id, 'dead');
      expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, run: 3, error: `boom ${key}` });
      const [first, second, third] = h.probe.starts(key);
      expect(h.probe.starts(key)).toHaveLength(3);
      // Backoff 60 ms, then 120 ms (jitter off).
      expect(second - first).toBeGreaterThanOrEqual(55);
      expect(third - second).toBeGreaterThanOrEqual(115);
      expect(h.finished.filter((e) => e.jobId === job.id).map((e) => e.outcome)).toEqual([
        'retrying',
        'retrying',
        'dead',
      ]);
    });

    it('fails a job whose handler throws PermanentJobError without retrying', async () => {
      const key = randomUUID();
      const job = await h.jobs.submit({ orgId: org, name: 'test.permanent', payload: { key } });
      expect(await h.until(job.id, 'failed')).toMatchObject({ attempts: 1, error: 'the input is gone' });
      expect(h.probe.starts(key)).toHaveLength(1);
    });

    it('dead-letters a stored payload that no longer matches its schema at once, without retries', async () => {
      const job = await h.jobs.enqueue(database().db, {
        orgId: org,
        name: 'test.fails',
        payload: { key: 'k' },
      });
      await database()
        .db.update(jobsTable)
        .set({ payload: { key: 7 } })
        .where(eq(jobsTable.id, job.id));
      await h.jobs.dispatch([job.id]);
      const dead = await h.until(job.id, 'dead');
      expect(dead.attempts).toBe(1);
      expect(dead.error).toMatch(/Invalid payload/);
      expect(h.probe.starts('k')).toHaveLength(0);
    });

    it('cancels a queued job: it never runs and leaves its queue', async () => {
      const key = randomUUID();
      const job = await h.jobs.submit({ orgId: org, name: 'test.fails', payload: { key }, delayMs: 400 });
      expect((await h.row(job.id)).dispatchedRun).toBe(1);
      expect((await h.jobs.cancel(org, job.id)).status).toBe('cancelled');
      expect(await h.jobs.transport.depth('default')).toBe(0);
      await sleep(700);
      expect(await h.row(job.id)).toMatchObject({ status: 'cancelled', attempts: 0 });
      expect(h.probe.starts(key)).toHaveLength(0);
      await expect(h.jobs.cancel(org, job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('cancels a running job: its handler sees the signal aborted and nothing overwrites the cancel', async () => {
      const key = randomUUID();
      const job = await h.jobs.submit({ orgId: org, name: 'test.block', payload: { key } });
      await waitFor(() => h.probe.starts(key).length === 1, 'the handler to start');
      const running = await h.jobs.get(org, job.id);
      expect(running).toMatchObject({ status: 'running', progress: 50 });
      expect(running.eta).toBeInstanceOf(Date);
      await h.jobs.cancel(org, job.id);
      await waitFor(() => h.probe.sawAbort(key), 'the handler to see the abort');
      await waitFor(() => h.finished.some((e) => e.jobId === job.id), 'the attempt to end');
      expect(h.finished.find((e) => e.jobId === job.id)?.outcome).toBe('cancelled');
      expect(await h.row(job.id)).toMatchObject({ status: 'cancelled', attempts: 1 });
    });

    it('runs a dead job again on retry, as a new run from attempt 1', async () => {
      const key = randomUUID();
      const job = await h.jobs.submit({ orgId: org, name: 'test.switch', payload: { key } });
      expect(await h.until(job.id, 'dead')).toMatchObject({ attempts: 1, error: 'switched off' });
      await expect(h.jobs.retry(uuidv7(), job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      h.probe.switchOn(key);
      expect(await h.jobs.retry(org, job.id)).toMatchObject({
        status: 'queued',
        run: 2,
        attempts: 0,
        error: null,
      });
      expect(await h.until(job.id, 'completed')).toMatchObject({ run: 2, attempts: 1, result: { on: true } });
      await expect(h.jobs.retry(org, job.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    recoveryContract(h, database);
  });
}
