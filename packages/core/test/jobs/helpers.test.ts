import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/jobs/backoff.ts';
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
