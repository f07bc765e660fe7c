import type { Database } from '@assay/db';
import { chunksOf } from '../chunks.ts';
import type { Logger } from '../logger.ts';
import type { JobMessage, QueueName, QueueTransport } from './port.ts';
import { type DueMessage, dueMessages } from './store.ts';
import { markDispatched } from './store-batch.ts';
import { withTimeout } from './transports/in-flight.ts';

/** Rows read, sent and marked per pass: one query, one backend call per queue, one update. */
export const DISPATCH_BATCH = 200;

export interface DispatcherOptions {
  database: Database;
  transport: QueueTransport;
  logger: Logger;
  /** Runs due within this window are sent with a backend delay; later ones are left for a later sweep. */
  windowMs: number;
  /** A send that takes longer counts as failed (the sweeper retries it). */
  sendTimeoutMs: number;
}

export type Dispatch = (jobIds?: string[], sweep?: { resendAfterMs?: number }) => Promise<number>;

/**
 * Sends due, unsent runs: all of them (a sweep), or those of these jobs, in passes of DISPATCH_BATCH.
 * Never throws: what is not sent now is sent by a later sweep.
 */
export function createDispatch(options: DispatcherOptions): Dispatch {
  const { database, transport, logger, sendTimeoutMs } = options;

  /** Sends one pass's messages, one `sendMany` per queue; returns those sent and the first failure. */
  async function send(due: DueMessage[]): Promise<{ sent: JobMessage[]; failure?: PromiseRejectedResult }> {
    const byQueue = Map.groupBy(due, (m) => m.queue as QueueName);
    const groups = [...byQueue];
    const results = await Promise.allSettled(
      groups.map(([queue, messages]) =>
        withTimeout(
          transport.sendMany(
            queue,
            messages.map((m) => ({ jobId: m.jobId, run: m.run, delayMs: m.delayMs })),
          ),
          sendTimeoutMs,
          'Queue send',
        ),
      ),
    );
    const sent = groups.flatMap(([, messages], i) => (results[i].status === 'fulfilled' ? messages : []));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    return { sent: sent.map((m) => ({ jobId: m.jobId, run: m.run })), failure };
  }

  /** One pass: returns how many rows were due, how many were sent, and whether a send failed. */
  async function pass(filter: { ids?: string[]; resendAfterMs?: number }) {
    const due = await dueMessages(database.db, {
      ...filter,
      windowMs: options.windowMs,
      limit: DISPATCH_BATCH,
    });
    const { sent, failure } = await send(due);
    await markDispatched(database, sent);
    if (failure) logger.warn({ err: failure.reason }, 'queue send failed; a sweep retries');
    return { due: due.length, sent: sent.length, failed: failure !== undefined };
  }

  return async (jobIds, sweep = {}) => {
    let total = 0;
    try {
      if (jobIds) {
        for (const ids of chunksOf([...new Set(jobIds)], DISPATCH_BATCH)) {
          const result = await pass({ ids });
          total += result.sent;
          if (result.failed) break;
        }
        return total;
      }
      for (;;) {
        const result = await pass({ resendAfterMs: sweep.resendAfterMs });
        total += result.sent;
        if (result.failed || result.due < DISPATCH_BATCH) return total;
      }
    } catch (error) {
      logger.error({ err: error }, 'job dispatch failed; a sweep retries');
      return total;
    }
  };
}
