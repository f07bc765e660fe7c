import { join } from 'node:path';
import {
  type Config,
  createAiClient,
  createBullmqTransport,
  createJobs,
  createLocalBus,
  createLogger,
  createMailer,
  createMemoryRateLimiter,
  createMetrics,
  createPgBossTransport,
  createRedisBus,
  createRedisRateLimiter,
  createStorage,
  type Logger,
  type Mailer,
  type Platform,
  registerModuleStorage,
  registerResource,
  TtlCache,
} from '@assay/core';
import { type Database, migrate, openDatabase, seedPlans } from '@assay/db';
import { Redis } from 'ioredis';
import { modules } from './modules.ts';
import { jobFinishedReporter } from './notifications/job-events.ts';

export interface BootOptions {
  /** Apply migrations and seed plans (API and `assay migrate` do; a worker next to an API need not). */
  migrate?: boolean;
  logger?: Logger;
  /** Tests pass their own database, mailer or key prefix. */
  database?: Database;
  mailer?: Mailer;
  queuePrefix?: string;
}

async function openConfiguredDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) {
    return openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  }
  logger.info({ dataDir: config.dataDir }, 'embedded mode: PGlite database in DATA_DIR');
  return openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'pg') });
}

/** Builds everything a process needs from the configuration: database, queue, storage, caches. */
export async function bootPlatform(config: Config, options: BootOptions = {}): Promise<Platform> {
  const logger =
    options.logger ??
    createLogger({
      level: config.LOG_LEVEL,
      pretty: config.LOG_PRETTY ?? (config.NODE_ENV === 'development' && process.stdout.isTTY),
    });
  for (const module of modules) {
    for (const resource of module.resources ?? []) registerResource(resource);
    if (module.storage) registerModuleStorage(module.name, module.storage);
  }

  const database = options.database ?? (await openConfiguredDatabase(config, logger));
  if (options.migrate) {
    const result = await migrate(database);
    await seedPlans(database.db);
    if (result.applied.length > 0) logger.info({ applied: result.applied }, 'database migrated');
  }
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false })
    : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));

  const metrics = createMetrics();
  const storage = createStorage(
    config.S3_BUCKET
      ? {
          kind: 's3',
          bucket: config.S3_BUCKET,
          region: config.S3_REGION,
          endpoint: config.S3_ENDPOINT,
          publicEndpoint: config.S3_PUBLIC_ENDPOINT,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
          accessKeyId: config.S3_ACCESS_KEY_ID,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        }
      : {
          kind: 'local',
          rootDir: join(config.dataDir, 'files'),
          publicBaseUrl: config.publicApiUrl,
          signingSecret: config.appSecret,
        },
  );
  const transport = redis
    ? createBullmqTransport({ connection: redis, prefix: options.queuePrefix })
    : createPgBossTransport({
        database,
        schema: options.queuePrefix ? `pgboss_${options.queuePrefix.replace(/[^a-z0-9_]/g, '_')}` : undefined,
      });

  const platform = {
    config,
    logger,
    database,
    db: database.db,
    redis,
    storage,
    mailer: options.mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger }),
    metrics,
    rateLimiter: redis ? createRedisRateLimiter(redis) : createMemoryRateLimiter(),
    bus: redis ? createRedisBus(redis) : createLocalBus(),
    authCache: new TtlCache<unknown>(30_000),
    ai: createAiClient({ config: config.ai, db: database.db, logger: logger.child({ component: 'ai' }) }),
  } as Omit<Platform, 'jobs' | 'close'> as Platform;

  // Emits job.completed / job.failed and emails whoever started the job (see notifications/job-events.ts).
  const reportFinished = jobFinishedReporter(platform);
  platform.jobs = createJobs({
    database,
    transport,
    logger: logger.child({ component: 'jobs' }),
    definitions: modules.flatMap((m) => m.jobs?.(platform) ?? []),
    onJobFinished: (finished) => {
      const { queue, name, outcome, durationMs } = finished;
      metrics.jobsFinished.labels(queue, name, outcome).inc();
      metrics.jobDuration.labels(queue, outcome).observe(durationMs / 1000);
      reportFinished(finished);
    },
  });
  await transport.start();

  platform.close = async () => {
    await transport.stop({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    await platform.bus.close();
    await platform.rateLimiter.close();
    platform.mailer.close();
    redis?.disconnect();
    if (!options.database) await database.close();
  };
  return platform;
}
