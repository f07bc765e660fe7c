import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/jobs/backoff.ts';
import { batched } from '../../src/jobs/batched.ts';
import { scopedIdempotencyKey } from '../../src/jobs/enqueue.ts';
import { nextFireTime } from '../../src/jobs/schedules.ts';
import { bullMqJobId } from '../../src/jobs/transports/bullmq.ts';
import { pgBossMessageId } from '../../src/jobs/transports/pg-boss.ts';
import { estimateEta } from '../../src/jobs/view.ts';

describe('backoffDelay', () => {
  const options = { baseMs: 2_000, factor: 2, maxMs: 30_000, jitter: 0.5 };

  it('doubles from the base per failed attempt up to the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options, noJitter))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('removes at most the jitter fraction, at random', () => {
    expect(backoffDelay(2, options, () => 1)).toBe(2_000);
    expect(backoffDelay(2, options, () => 0.5)).toBe(3_000);
  });
});

describe('estimateEta', () => {
  const startedAt = new Date('2030-01-01T00:00:00Z');
  const at = (seconds: number) => startedAt.getTime() + seconds * 1000;

  it('extrapolates the rate so far: 25 % after 10 s ends 40 s after the start', () => {
    expect(estimateEta({ status: 'running', progress: 25, startedAt }, at(10))).toEqual(new Date(at(40)));
  });

  it('has no estimate before any progress, or once the job is not running', () => {
    expect(estimateEta({ status: 'running', progress: 0, startedAt }, at(10))).toBeNull();
    expect(estimateEta({ status: 'queued', progress: 0, startedAt: null }, at(10))).toBeNull();
    expect(estimateEta({ status: 'completed', progress: 100, startedAt }, at(10))).toBeNull();
  });
});

describe('message ids', () => {
  const jobId = '0190a0b0-0000-7000-8000-000000000001';

  it('gives one pg-boss UUID per (job, run), the same every time', () => {
    const id = pgBossMessageId({ jobId, run: 1 });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pgBossMessageId({ jobId, run: 1 })).toBe(id);
    expect(pgBossMessageId({ jobId, run: 2 })).not.toBe(id);
  });

  it('gives BullMQ ids without the ":" it forbids', () => {
    expect(bullMqJobId({ jobId, run: 3 })).toBe(`${jobId}_3`);
  });

  it('scopes idempotency keys by organization', () => {
    expect(scopedIdempotencyKey('org-a', 'k')).not.toBe(scopedIdempotencyKey('org-b', 'k'));
    expect(scopedIdempotencyKey(null, 'k')).toBe('platform:k');
  });
});

describe('nextFireTime', () => {
  it('reads the cron in the schedule time zone', () => {
    const after = new Date('2030-06-01T12:00:00Z');
    expect(nextFireTime('0 9 * * *', 'UTC', after)).toEqual(new Date('2030-06-02T09:00:00Z'));
    expect(nextFireTime('0 9 * * *', 'Europe/Paris', after)).toEqual(new Date('2030-06-02T07:00:00Z'));
  });

  it('is strictly after the given time', () => {
    const onTheMinute = new Date('2030-06-01T12:05:00Z');
    expect(nextFireTime('*/5 * * * *', 'UTC', onTheMinute)).toEqual(new Date('2030-06-01T12:10:00Z'));
  });

  it('throws on a malformed cron or time zone', () => {
    expect(() => nextFireTime('61 * * * *', 'UTC', new Date())).toThrow();
    expect(() => nextFireTime('* * * * *', 'Mars/Olympus', new Date())).toThrow();
  });
});

describe('batched', () => {
  it('runs a lone request at once, and requests made meanwhile together in the next batch', async () => {
    const batches: number[][] = [];
    const double = batched(async (items: number[]) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return items.map((n) => n * 2);
    });
    const first = double(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rest = [double(2), double(3), double(4)];
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs the items of a failed batch one by one, so only the failing one fails', async () => {
    const calls: number[][] = [];
    const check = batched(async (items: number[]) => {
      calls.push(items);
      if (items.includes(13)) throw new Error('unlucky');
      return items;
    });
    const results = await Promise.allSettled([check(1), check(13), check(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[1, 13, 2], [1], [13], [2]]);
  });
});
