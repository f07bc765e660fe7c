import { createHash } from 'node:crypto';
import type { Database } from '@assay/db';
import { type ConstructorOptions, fromPglite, type JobInsert, PgBoss } from 'pg-boss';
import { type Logger, silentLogger } from '../../logger.ts';
import {
  type JobMessage,
  type OutgoingMessage,
  QUEUES,
  type QueueName,
  type QueueTransport,
} from '../port.ts';
import { InFlight } from './in-flight.ts';
import { PgBossConsumer } from './pg-boss-consumer.ts';

export interface PgBossTransportOptions {
  /** The application database: pg-boss keeps its tables there (PGlite included). */
  database: Database;
  /** Postgres only: the server pg-boss connects to. Default: the database pool's connection string. */
  connectionString?: string;
  /** Postgres only: size of pg-boss's own pool. Default 4. */
  poolSize?: number;
  /** Schema of pg-boss's tables. Default `pgboss`. */
  schema?: string;
  /** Namespace of the queue names (`<prefix>.default`); give each deployment or test file its own. Default `assay`. */
  prefix?: string;
  /** How often an idle queue looks for messages. Default 500 ms (a local send wakes it at once). */
  pollIntervalMs?: number;
  logger?: Logger;
}

/** A UUID derived from (jobId, run): pg-boss ignores a second insert with the same id, so a resend is a no-op. */
export function pgBossMessageId(message: JobMessage): string {
  const hex = createHash('sha256').update(`assay-job:${message.jobId}:${message.run}`).digest('hex');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** pg-boss's row for one message; `insert` takes these in one statement (ON CONFLICT DO NOTHING on the id). */
function toJobInsert(message: OutgoingMessage): JobInsert {
  const delayMs = Math.max(0, message.delayMs ?? 0);
  return {
    id: pgBossMessageId(message),
    data: { jobId: message.jobId, run: message.run },
    ...(message.priority === undefined ? {} : { priority: Math.round(message.priority) }),
    ...(delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {}),
  };
}

// Messages are deleted once handled, so these only bound what an abandoned message can leave behind.
const QUEUE_OPTIONS = {
  retryLimit: 0,
  expireInSeconds: 24 * 3600,
  retentionSeconds: 24 * 3600,
  deleteAfterSeconds: 60,
};

const bossSchema = (options: PgBossTransportOptions) => {
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid pg-boss schema name: ${schema}`);
  return schema;
};

function bossOptions(options: PgBossTransportOptions): ConstructorOptions {
  const { database } = options;
  const common = { schema: bossSchema(options), schedule: false, migrate: true } as const;
  if (database.pglite) return { ...common, backend: 'pglite', db: fromPglite(database.pglite) };
  const connectionString = options.connectionString ?? database.pool?.options.connectionString;
  if (!connectionString) throw new Error('pg-boss on Postgres needs a connection string');
  return { ...common, connectionString, max: options.poolSize ?? 4, application_name: 'assay-queue' };
}

/**
 * pg-boss on the application's database. Consumption is our own fetch loop (see pg-boss-consumer.ts)
 * so that a queue fetches exactly as many messages as it has free slots.
 */
export function createPgBossTransport(options: PgBossTransportOptions): QueueTransport {
  const prefix = options.prefix ?? 'assay';
  const logger = options.logger ?? silentLogger();
  const boss = new PgBoss(bossOptions(options));
  const schema = bossSchema(options);
  boss.on('error', (error) => logger.warn({ err: error }, 'pg-boss error'));
  const nameOf = (queue: QueueName) => `${prefix}.${queue}`;
  const consumers = new Map<QueueName, PgBossConsumer>();
  const inFlight = new InFlight();
  let stopped = false;

  return {
    kind: 'pg-boss',

    async start() {
      await boss.start();
      for (const queue of QUEUES) {
        if (!(await boss.getQueue(nameOf(queue)))) await boss.createQueue(nameOf(queue), QUEUE_OPTIONS);
      }
    },

    async send(queue, message, sendOptions = {}) {
      if (stopped) throw new Error('The queue transport is stopped');
      const delayMs = Math.max(0, sendOptions.delayMs ?? 0);
      await boss.send(
        nameOf(queue),
        { jobId: message.jobId, run: message.run },
        {
          id: pgBossMessageId(message),
          ...(sendOptions.priority === undefined ? {} : { priority: Math.round(sendOptions.priority) }),
          ...(delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {}),
        },
      );
      if (delayMs === 0) consumers.get(queue)?.wake();
    },

    async sendMany(queue, messages) {
      if (stopped) throw new Error('The queue transport is stopped');
      // pg-boss rejects a batch that repeats an id; a repeat is a no-op anyway.
      const rows = [...new Map(messages.map((m) => [pgBossMessageId(m), toJobInsert(m)])).values()];
      if (rows.length === 0) return;
      await boss.insert(nameOf(queue), rows);
      if (messages.some((m) => !(m.delayMs && m.delayMs > 0))) consumers.get(queue)?.wake();
    },

    async consume(queue, concurrency, handler) {
      if (consumers.has(queue)) throw new Error(`Already consuming queue ${queue}`);
      const consumer = new PgBossConsumer({
        boss,
        name: nameOf(queue),
        concurrency,
        pollIntervalMs: options.pollIntervalMs ?? 500,
        inFlight,
        logger,
        handler: (data) => handler({ jobId: data.jobId, run: data.run }),
      });
      consumers.set(queue, consumer);
      consumer.start();
    },

    async remove(queue, message) {
      const id = pgBossMessageId(message);
      await boss
        .getDb()
        .executeSql(
          `delete from ${schema}.job where name = $1 and id = $2 and state in ('created', 'retry')`,
          [nameOf(queue), id],
        );
    },

    async depth(queue) {
      const { rows } = await boss
        .getDb()
        .executeSql(
          `select count(*)::int as count from ${schema}.job where name = $1 and state in ('created', 'retry')`,
          [nameOf(queue)],
        );
      return Number(rows[0]?.count ?? 0);
    },

    async ping() {
      await boss.getDb().executeSql('select 1');
    },

    async stop({ timeoutMs = 10_000 } = {}) {
      if (stopped) return;
      stopped = true;
      await Promise.all([...consumers.values()].map((consumer) => consumer.stop()));
      // Unfinished messages stay `active` in pg-boss until they expire; the worker hands their jobs back.
      await inFlight.drain(timeoutMs);
      await boss.stop({ graceful: false, close: true });
    },
  };
}
