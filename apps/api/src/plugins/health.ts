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
  app.get('/ready', hidden, async (request, reply) => {
    const checks = {
      database: await withTimeout(platform.database.ping()),
      queue: await withTimeout(platform.jobs.ping()),
      storage: await withTimeout(platform.storage.ping()),
      ...(platform.redis ? { redis: await withTimeout(platform.redis.ping()) } : {}),
    };
    const down = Object.entries(checks).filter(([, state]) => state !== 'ok');
    if (isDraining()) down.push(['process', 'shutting down']);
    if (down.length === 0) return { status: 'ready', checks, down: [] };
    const names = down.map(([name]) => name);
    return reply.code(503).send({
      status: 'unavailable',
      checks,
      down: names,
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: `Not ready: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} down`,
        details: down.map(([field, message]) => ({ field, message })),
        trace_id: request.traceId,
      },
    });
  });
}
