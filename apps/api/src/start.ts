import type { Platform } from '@assay/core';
import { initSentry } from './sentry.ts';
import { buildServer } from './server.ts';

export async function startApi(platform: Platform) {
  const reportError = await initSentry(platform.config.SENTRY_DSN);
  const server = await buildServer(platform, { reportError });
  await server.app.listen({ host: platform.config.HOST, port: platform.config.API_PORT });
  return { server, stop: () => server.drain() };
}
