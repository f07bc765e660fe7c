import type { Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: Promise<unknown>): Promise<string> {
  return Promise.race([
    check.then(() => 'ok'),
    new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS).unref()),
  ]).catch((error: Error) => `down: ${error.message.slice(0, 120)}`);
}

/** `/health`: the process answers. `/ready`: the database, the queue and the storage answer too. */
export function registerHealth(app: FastifyInstance, platform: Platform, isDraining: () => boolean) {
  const hidden = { config: { auth: 'public' as const, rateLimit: false as const }, schema: { hide: true } };
  app.get('/health', hidden, async () => ({ status: 'ok' }));
  app.get('/ready', hidden, async (_request, reply) => {
    const checks = {
      database: await withTimeout(platform.database.ping()),
      queue: await withTimeout(platform.jobs.ping()),
      storage: await withTimeout(platform.storage.ping()),
      ...(platform.redis ? { redis: await withTimeout(platform.redis.ping()) } : {}),
    };
    const down = Object.entries(checks).filter(([, state]) => state !== 'ok');
    if (isDraining()) down.push(['process', 'shutting down']);
    const status = down.length === 0 ? 'ready' : 'unavailable';
    return reply
      .code(down.length === 0 ? 200 : 503)
      .send({ status, checks, down: down.map(([name]) => name) });
  });
}
