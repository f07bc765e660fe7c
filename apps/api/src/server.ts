import type { Platform } from '@assay/core';
import { createAuthenticator, modules } from '@assay/platform';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuthentication } from './plugins/authenticate.ts';
import { registerCors } from './plugins/cors.ts';
import { frameworkErrors, registerErrorHandling } from './plugins/errors.ts';
import { registerHealth } from './plugins/health.ts';
import { registerObservability } from './plugins/observability.ts';
import { registerDocsPage, registerOpenApi } from './plugins/openapi.ts';
import { registerRateLimits } from './plugins/rate-limit.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { responseSerializerCompiler } from './plugins/serializer.ts';

export interface RouteInfo {
  method: string;
  url: string;
  config: { permission?: string; auth?: string };
  schema: Record<string, unknown> | undefined;
}

export interface ApiServer {
  app: FastifyInstance;
  /** Every route the server registered: tests walk this table instead of a hand-kept list. */
  routes: RouteInfo[];
  /** Stop accepting, let requests in flight finish (up to `timeoutMs`), then resolve. */
  drain(timeoutMs?: number): Promise<void>;
}

/** Composes the core plugins and every module's routes into one Fastify app. */
export async function buildServer(
  platform: Platform,
  options: { logger?: boolean; reportError?: (error: unknown) => void } = {},
): Promise<ApiServer> {
  const { config } = platform;
  let draining = false;
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : platform.logger.child({ component: 'api' }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    // One line per request, written by the observability hooks once the response is sent.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler as never);
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          config: (route.config ?? {}) as RouteInfo['config'],
          schema: route.schema as never,
        });
    }
  });

  registerObservability(app, platform);
  registerErrorHandling(app, options.reportError);
  registerSecurityHeaders(app, { pagePrefixes: ['/docs'] });
  registerCors(app, config.corsOrigins);
  await app.register(cookie);
  await registerOpenApi(app, config.publicApiUrl);

  const authenticator = createAuthenticator(platform);
  registerAuthentication(app, platform, authenticator);
  registerRateLimits(app, platform, authenticator);
  registerHealth(app, platform, () => draining);
  if (platform.storage.kind === 'local') {
    const { localFileRoutes } = await import('@assay/core');
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.config = { ...(route.config as object), auth: 'public', rateLimit: false } as never;
      });
      await scope.register(localFileRoutes(platform.storage as never));
    });
  }

  await app.register(
    async (v1) => {
      for (const module of modules) await module.routes?.(v1, platform);
    },
    { prefix: '/v1' },
  );
  await registerDocsPage(app);
  await app.ready();

  return {
    app,
    routes,
    drain: async (timeoutMs = config.SHUTDOWN_TIMEOUT_MS) => {
      draining = true;
      // Keep-alive connections become idle only after their last response: close them as they do,
      // and cut whatever is still open when the grace period ends.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      const cutoff = setTimeout(() => app.server.closeAllConnections(), timeoutMs);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
        clearTimeout(cutoff);
      }
    },
  };
}
