import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.ts';
import { QUEUES, type QueueName } from './port.ts';
import { createRunner, type JobFinishedEvent, type JobOutcome } from './runner.ts';
import { runDueSchedules } from './schedules.ts';
import type { Jobs } from './service.ts';
import { reapStaleJobs } from './store.ts';

export interface WorkerOptions {
  jobs: Jobs;
  /** Queues consumed by this process. Default all four. */
  queues?: QueueName[];
  /** Handlers running at once: per queue, or one number for every queue. */
  concurrency?: number | Partial<Record<QueueName, number>>;
  /** How often a running job writes its heartbeat (and notices cancellation). Default 5 s. */
  heartbeatMs?: number;
  /** A running job without a heartbeat for this long belongs to a dead worker. Default 60 s. */
  staleAfterMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** Sends unsent runs (the outbox sweep). Default 1 s. */
  sweepIntervalMs?: number;
  /** Re-sends a run still waiting this long after it was sent (a backend that lost it). Default 2 min. */
  resendAfterMs?: number;
  reapIntervalMs?: number;
  scheduleIntervalMs?: number;
  /** For metrics: every finished attempt, and every reaped one (durationMs 0). Default: the jobs service's hook. */
  onJobFinished?: (event: JobFinishedEvent) => void;
}

export const DEFAULT_CONCURRENCY: Record<QueueName, number> = {
  priority: 8,
  default: 8,
  'long-running': 2,
  scheduled: 2,
};

export interface JobWorker {
  /**
   * Stops timers and the transport, which waits up to `timeoutMs` for running handlers. Handlers
   * still running then are handed back (a new run, queued at once, the attempt not counted) and their
   * signal aborted; whatever they do afterwards is fenced off. Default 10 s.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** One outbox sweep; returns the runs sent. */
  sweep(): Promise<number>;
  /** One reaper pass; returns the jobs taken from dead workers. */
  reap(): Promise<number>;
  /** One scheduler tick; returns the jobs created. */
  runSchedules(now?: Date): Promise<number>;
  readonly running: number;
}

/** Consumes the queues and runs the sweeper, the reaper and the scheduler of one worker process. */
export async function startWorker(options: WorkerOptions): Promise<JobWorker> {
  const { jobs } = options;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  if (staleAfterMs < heartbeatMs * 2) throw new Error('staleAfterMs must be at least twice heartbeatMs');
  const onJobFinished = options.onJobFinished ?? jobs.onJobFinished;
  const runner = createRunner(jobs, {
    heartbeatMs,
    staleAfterMs,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    onJobFinished,
  });
  const resendAfterMs = options.resendAfterMs ?? 120_000;

  const sweep = () => jobs.dispatch(undefined, { resendAfterMs });
  const reap = async () => {
    const reaped = await reapStaleJobs(jobs.database.db, staleAfterMs);
    for (const row of reaped) {
      jobs.logger.warn(
        { jobId: row.id, job: row.name, status: row.status },
        'reaped a job from a dead worker',
      );
      onJobFinished?.({
        jobId: row.id,
        queue: row.queue,
        name: row.name,
        outcome: row.status as JobOutcome,
        durationMs: 0,
      });
    }
    const retrying = reaped.filter((row) => row.status === 'retrying').map((row) => row.id);
    if (retrying.length > 0) await jobs.dispatch(retrying);
    return reaped.length;
  };
  const runSchedules = async (now?: Date) => (await runDueSchedules(jobs, now)).length;

  const timers = new Map<string, NodeJS.Timeout>();
  const ticking = new Set<Promise<void>>();
  let stopped = false;
  const every = (ms: number, name: string, task: () => Promise<unknown>) => {
    const tick = async () => {
      try {
        await task();
      } catch (error) {
        jobs.logger.error({ err: error }, `job ${name} failed`);
      }
      // Rescheduled after the run, so a slow pass never overlaps itself.
      if (!stopped) timers.set(name, setTimeout(run, ms).unref());
    };
    const run = () => {
      if (stopped) return;
      const pass = tick();
      ticking.add(pass);
      void pass.finally(() => ticking.delete(pass));
    };
    run();
  };

  for (const queue of options.queues ?? QUEUES) {
    const { concurrency: given } = options;
    const concurrency = typeof given === 'number' ? given : (given?.[queue] ?? DEFAULT_CONCURRENCY[queue]);
    await jobs.transport.consume(queue, concurrency, runner.handle);
  }
  every(options.sweepIntervalMs ?? 1_000, 'sweep', sweep);
  every(options.reapIntervalMs ?? 10_000, 'reaper', reap);
  every(options.scheduleIntervalMs ?? 5_000, 'scheduler', runSchedules);

  return {
    async stop({ timeoutMs = 10_000 } = {}) {
      if (stopped) return;
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(ticking);
      await jobs.transport.stop({ timeoutMs });
      const handedBack = await runner.handBackAll();
      if (handedBack > 0) jobs.logger.warn({ handedBack }, 'unfinished jobs handed back at shutdown');
    },
    sweep,
    reap,
    runSchedules,
    get running() {
      return runner.running;
    },
  };
}
