import type { Database, Db } from '@assay/db';
import type { Redis } from 'ioredis';
import type { AiClient } from './ai/index.ts';
import type { TtlCache } from './cache.ts';
import type { Config } from './config.ts';
import type { InvalidationBus } from './invalidation.ts';
import type { Jobs } from './jobs/index.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail.ts';
import type { Metrics } from './metrics.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ObjectStorage } from './storage/port.ts';

/** Everything a process of Assay holds: built once by `bootPlatform`, passed to routes, jobs and CLI. */
export interface Platform {
  config: Config;
  logger: Logger;
  database: Database;
  db: Db;
  redis: Redis | undefined;
  jobs: Jobs;
  /** LLM providers with retries, breakers and cost tracking; `available()` is false when none is configured. */
  ai: AiClient;
  storage: ObjectStorage;
  mailer: Mailer;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  bus: InvalidationBus;
  /** Cross-request lookups (API keys, sessions, memberships), dropped by tag through `bus`. */
  authCache: TtlCache<unknown>;
  close(): Promise<void>;
}
