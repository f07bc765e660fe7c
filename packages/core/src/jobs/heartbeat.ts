import type { Database } from '@assay/db';
import type { Logger } from '../logger.ts';
import type { JobMessage } from './port.ts';
import { touchJob } from './store.ts';
import { messageKey, touchJobs } from './store-batch.ts';

export interface HeartbeatTarget {
  message: JobMessage;
  /** Called when the row is no longer this attempt's (cancelled, reaped, handed back). */
  lost(): Promise<void>;
}

export interface HeartbeatOptions {
  database: Database;
  intervalMs: number;
  logger: Logger;
  /** The attempts to keep alive at this tick. */
  targets(): HeartbeatTarget[];
}

/**
 * One timer for all the running attempts of a worker: each tick touches all their rows in one
 * statement, which skips rows locked elsewhere. A row it left out has lost its job or is locked for
 * the moment (a cancel being written): it is checked alone, waiting for the lock, as a per-attempt
 * heartbeat would. A slow tick is never overlapped by the next.
 */
export function startHeartbeat(options: HeartbeatOptions): { stop(): void } {
  const { database, logger } = options;
  const checking = new Set<string>();
  let ticking = false;

  const checkAlone = async (target: HeartbeatTarget) => {
    const key = messageKey(target.message);
    if (checking.has(key)) return;
    checking.add(key);
    try {
      if (!(await touchJob(database.db, target.message.jobId, target.message.run))) await target.lost();
    } catch (error) {
      logger.warn({ err: error, jobId: target.message.jobId }, 'job heartbeat failed');
    } finally {
      checking.delete(key);
    }
  };

  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const targets = options.targets();
      if (targets.length === 0) return;
      const touched = await touchJobs(
        database,
        targets.map((target) => target.message),
      );
      for (const target of targets) if (!touched.has(messageKey(target.message))) void checkAlone(target);
    } catch (error) {
      logger.warn({ err: error }, 'job heartbeat failed');
    } finally {
      ticking = false;
    }
  };

  const timer = setInterval(() => void tick(), options.intervalMs).unref();
  return { stop: () => clearInterval(timer) };
}
