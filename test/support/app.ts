import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiServer, buildServer } from '@assay/api';
import {
  type Logger,
  loadConfig,
  type Mailer,
  type MailMessage,
  type Platform,
  silentLogger,
} from '@assay/core';
import { bootPlatform } from '@assay/platform';
import { runWorker } from '@assay/worker';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { redisAvailable, TEST_REDIS_URL } from './services.ts';

export interface TestApp {
  platform: Platform;
  server: ApiServer;
  url: string;
  mail: MailMessage[];
  database: TestDatabase;
  /** Starts a worker in this process (most API tests do not need one). */
  startWorker(): Promise<{ stop(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * A real API on a loopback port over a fresh database: Postgres and BullMQ on Redis when they answer,
 * PGlite and pg-boss otherwise (or with `embedded: true`). Emails are captured in `mail`.
 */
export async function startTestApp(
  options: {
    embedded?: boolean;
    env?: Record<string, string>;
    /** A logger for the platform and the API's request log (default: silent, no request log). */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ embedded: options.embedded });
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-test-'));
  const useRedis = !options.embedded && (await redisAvailable());
  const mail: MailMessage[] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m), close: () => {} };
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_API_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    APP_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ...(useRedis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const platform = await bootPlatform(config, {
    database,
    mailer,
    logger: options.logger ?? silentLogger(),
    queuePrefix: prefix,
  });
  // Redis is shared by parallel test files: keep each file's rate-limit counters apart.
  if (platform.redis) {
    const { createRedisRateLimiter } = await import('@assay/core');
    platform.rateLimiter = createRedisRateLimiter(platform.redis, `assay:rl:${prefix}:`);
  }
  const server = await buildServer(platform, { logger: options.logger !== undefined });
  await server.app.listen({ host: '127.0.0.1', port });
  const url = config.publicApiUrl;
  const workers: { stop(): Promise<void> }[] = [];
  return {
    platform,
    server,
    url,
    mail,
    database,
    startWorker: async () => {
      const worker = await runWorker(platform);
      workers.push(worker);
      return worker;
    },
    close: async () => {
      for (const w of workers) await w.stop();
      await server.drain();
      await platform.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port free right now; signed file URLs need the API's address before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
