import { type KeepJobs, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type Logger, silentLogger } from '../../logger.ts';
import { type JobMessage, QUEUES, type QueueName, type QueueTransport, type SendOptions } from '../port.ts';
import { InFlight, withTimeout } from './in-flight.ts';

export interface BullMqTransportOptions {
  /** Redis URL (`redis://host:6379/0`): the transport opens and closes its own connections. */
  url?: string;
  /**
   * Or a connection of the caller, opened with `maxRetriesPerRequest: null`; BullMQ adds its blocking
   * connections from it. The caller closes it.
   */
  connection?: Redis;
  /** Namespace of every Redis key (BullMQ's `prefix`); give each deployment or test file its own. Default `assay`. */
  prefix?: string;
  logger?: Logger;
  /** How long finished messages stay in Redis (the jobs table keeps the history). */
  keepFinished?: KeepJobs;
}

// Kept briefly, and fewer than the sweeper's resend delay, so a lost run can be sent again under its id.
const KEEP_FINISHED: KeepJobs = { age: 60, count: 1000 };
const PRIORITY_LIMIT = 2_097_152;

/** A BullMQ id may not contain ':'; one id per (job, run) makes a second send of the same run a no-op. */
export const bullMqJobId = (message: JobMessage) => `${message.jobId}_${message.run}`;

/** BullMQ's priority is 1 (highest) to 2^21, ours is "higher runs sooner"; absent means no priority. */
function addOptions(message: JobMessage, options: SendOptions) {
  const priority = options.priority
    ? Math.min(PRIORITY_LIMIT, Math.max(1, PRIORITY_LIMIT - options.priority))
    : undefined;
  return { jobId: bullMqJobId(message), delay: Math.max(0, options.delayMs ?? 0), priority };
}

/**
 * BullMQ on Redis: one Queue and (when consuming) one Worker per queue name. Attempts are 1 at the
 * backend: retries, backoff and dead-lettering are decided by the worker from the jobs table.
 */
export function createBullmqTransport(options: BullMqTransportOptions): QueueTransport {
  const prefix = options.prefix ?? 'assay';
  const logger = options.logger ?? silentLogger();
  const keep = options.keepFinished ?? KEEP_FINISHED;
  const { producer, consumer, owned } = connections(options, logger);
  const queues = new Map<QueueName, Queue>();
  const workers = new Map<QueueName, Worker>();
  const inFlight = new InFlight();
  let stopped = false;

  const queueOf = (name: QueueName): Queue => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: producer,
        prefix,
        defaultJobOptions: { attempts: 1, removeOnComplete: keep, removeOnFail: keep },
      });
      queue.on('error', (error) => logger.warn({ err: error, queue: name }, 'bullmq queue error'));
      queues.set(name, queue);
    }
    return queue;
  };

  return {
    kind: 'bullmq',

    async start() {
      if (owned) await withTimeout(Promise.all([producer.connect(), consumer.connect()]), 10_000, 'Redis');
      else await withTimeout(producer.ping(), 10_000, 'Redis');
      for (const name of QUEUES) queueOf(name);
    },

    async send(queue, message, sendOptions = {}) {
      if (stopped) throw new Error('The queue transport is stopped');
      await queueOf(queue).add(
        'job',
        { jobId: message.jobId, run: message.run },
        addOptions(message, sendOptions),
      );
    },

    async sendMany(queue, messages) {
      if (stopped) throw new Error('The queue transport is stopped');
      if (messages.length === 0) return;
      // One pipeline of BullMQ's add scripts: an id already present is skipped, as with `add`.
      await queueOf(queue).addBulk(
        messages.map((message) => ({
          name: 'job',
          data: { jobId: message.jobId, run: message.run },
          opts: addOptions(message, message),
        })),
      );
    },

    async consume(queue, concurrency, handler) {
      if (workers.has(queue)) throw new Error(`Already consuming queue ${queue}`);
      const worker = new Worker(
        queue,
        (job) => {
          const work = handler({ jobId: job.data.jobId, run: job.data.run });
          inFlight.track(work);
          return work;
        },
        { connection: consumer, prefix, concurrency, removeOnComplete: keep, removeOnFail: keep },
      );
      worker.on('error', (error) => logger.warn({ err: error, queue }, 'bullmq worker error'));
      worker.on('failed', (job, error) =>
        logger.error({ err: error, queue, message: job?.data }, 'queue message handler failed'),
      );
      workers.set(queue, worker);
      await worker.waitUntilReady();
    },

    async remove(queue, message) {
      // 0 when the message is running (locked): the jobs table stops it then.
      await queueOf(queue).remove(bullMqJobId(message));
    },

    depth: (queue) => queueOf(queue).getJobCountByTypes('waiting', 'delayed', 'prioritized'),

    async ping() {
      await withTimeout(producer.ping(), 2_000, 'Redis');
    },

    async stop({ timeoutMs = 10_000 } = {}) {
      if (stopped) return;
      stopped = true;
      await Promise.all([...workers.values()].map((worker) => worker.pause(true)));
      const drained = await inFlight.drain(timeoutMs);
      // Forced: unfinished messages keep their lock until it expires, then BullMQ's stall check re-queues them.
      await Promise.all([...workers.values()].map((worker) => worker.close(!drained)));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      if (owned) await Promise.all([producer.quit().catch(() => {}), consumer.quit().catch(() => {})]);
    },
  };
}

function connections(options: BullMqTransportOptions, logger: Logger) {
  if (options.connection) return { producer: options.connection, consumer: options.connection, owned: false };
  if (!options.url) throw new Error('The BullMQ transport needs a Redis url or connection');
  // Producer commands fail after a few retries instead of waiting forever, so an API request is not
  // held by a Redis outage (the sweeper sends later). Workers' commands retry without limit.
  const producer = new Redis(options.url, { maxRetriesPerRequest: 2, lazyConnect: true });
  const consumer = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
  producer.on('error', (error) => logger.warn({ err: error }, 'redis (queue producer) error'));
  consumer.on('error', (error) => logger.warn({ err: error }, 'redis (queue consumer) error'));
  return { producer, consumer, owned: true };
}
