import { AppError, type Platform, roleHas, scopesAllow } from '@assay/core';
import { type Authenticator, SESSION_COOKIE } from '@assay/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The single auth step: resolve the caller, then enforce what the route declared. Routes that declare
 * nothing are refused, so a forgotten declaration fails closed.
 */
export function registerAuthentication(
  app: FastifyInstance,
  platform: Platform,
  authenticator: Authenticator,
) {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (!request.routeOptions.url) return; // 404s go straight to the not-found handler
    if (config.auth === 'public' && !request.headers.authorization) return;

    const authorization = header(request, 'authorization');
    const cookie = request.cookies?.[SESSION_COOKIE];
    request.principal = await authenticator.resolve({
      authorization,
      apiKeyHeader: header(request, 'x-api-key'),
      sessionCookie: cookie,
      orgHeader: header(request, 'x-org-id'),
    });

    // Cookie-authenticated writes must come from an allowed origin (CSRF); bearer tokens are not sent by browsers on their own.
    if (
      request.principal &&
      !authorization &&
      !header(request, 'x-api-key') &&
      cookie &&
      !SAFE_METHODS.has(request.method)
    ) {
      const origin = header(request, 'origin') ?? header(request, 'referer');
      const allowed =
        origin && platform.config.corsOrigins.some((o) => origin === o || origin.startsWith(`${o}/`));
      if (!allowed) throw new AppError('FORBIDDEN', 'Cross-site request refused');
    }

    if (config.auth === 'public') return;
    const principal = request.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API key');
    if (config.auth === 'user') {
      if (!principal.user) throw new AppError('FORBIDDEN', 'This needs a signed-in user, not an API key');
      return;
    }
    const permission = config.permission;
    if (!permission) throw new AppError('FORBIDDEN', 'This route is not available');
    if (!principal.orgId || !principal.role)
      throw new AppError('FORBIDDEN', 'You are not a member of any organization');
    if (!roleHas(principal.role, permission)) {
      throw new AppError('FORBIDDEN', `Your role (${principal.role}) cannot do this (needs ${permission})`);
    }
    if (!scopesAllow(principal.scopes, permission)) {
      throw new AppError('FORBIDDEN', `This API key's scopes do not allow ${permission}`);
    }
  });
}
