import type { PgBoss } from 'pg-boss';
import type { Logger } from '../../logger.ts';
import type { JobMessage } from '../port.ts';
import type { InFlight } from './in-flight.ts';

interface ConsumerOptions {
  boss: PgBoss;
  name: string;
  concurrency: number;
  pollIntervalMs: number;
  inFlight: InFlight;
  logger: Logger;
  handler(message: JobMessage): Promise<void>;
}

/**
 * One queue's fetch loop: fetches as many messages as there are free slots (one query for a batch),
 * fetches again at once while batches come back full, and sleeps `pollIntervalMs` when the queue is
 * empty unless woken by a local send. Handled messages are deleted in batches: the jobs table keeps
 * the history, and a deleted id can be sent again if a run ever has to be re-sent.
 */
export class PgBossConsumer {
  #options: ConsumerOptions;
  #running = 0;
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #slotFreed: (() => void) | undefined;
  #done: string[] = [];
  #flushing: Promise<void> | undefined;

  constructor(options: ConsumerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#loop = this.#run();
  }

  wake(): void {
    this.#wake?.();
  }

  /** Stops fetching; running handlers are waited for by the transport. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    this.#slotFreed?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const { boss, name, concurrency, pollIntervalMs, logger } = this.#options;
    while (!this.#stopping) {
      const free = concurrency - this.#running;
      if (free <= 0) {
        await new Promise<void>((resolve) => {
          this.#slotFreed = resolve;
        });
        continue;
      }
      let batch: Awaited<ReturnType<PgBoss['fetch']>> = [];
      try {
        batch = await boss.fetch<JobMessage>(name, { batchSize: free });
      } catch (error) {
        if (!this.#stopping) logger.warn({ err: error, queue: name }, 'pg-boss fetch failed');
      }
      for (const message of batch) this.#handle(message.id, message.data as JobMessage);
      if (batch.length < free) await this.#sleep(pollIntervalMs);
    }
  }

  #handle(id: string, data: JobMessage): void {
    this.#running += 1;
    const work = this.#options.handler(data).catch((error) => {
      this.#options.logger.error(
        { err: error, queue: this.#options.name, message: data },
        'queue message handler failed',
      );
    });
    this.#options.inFlight.track(work);
    void work.finally(() => {
      this.#running -= 1;
      this.#slotFreed?.();
      this.#slotFreed = undefined;
      this.#done.push(id);
      void this.#flush();
    });
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = undefined;
        done();
      };
    });
  }

  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = (async () => {
      while (this.#done.length > 0) {
        const ids = this.#done.splice(0);
        try {
          await this.#options.boss.deleteJob(this.#options.name, ids);
        } catch (error) {
          // Left active, pg-boss expires them later; nothing depends on their removal.
          if (!this.#stopping)
            this.#options.logger.warn({ err: error }, 'pg-boss delete of handled messages failed');
        }
      }
    })();
    await this.#flushing;
    this.#flushing = undefined;
    if (this.#done.length > 0) await this.#flush();
  }
}
