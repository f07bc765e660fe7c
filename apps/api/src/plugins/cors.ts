import type { FastifyInstance } from 'fastify';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, X-Org-Id, X-API-Key, traceparent';
const EXPOSE_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Trace-Id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * CORS for an allowlist of origins, with credentials (the web app's session cookie). Only a request
 * from an allowed origin gets CORS headers; any other origin gets none, so the browser withholds the
 * response. Every response varies by Origin, as a cache must know. A preflight is answered here (204),
 * before authentication, since browsers send it without credentials.
 *
 * Written here rather than taken from a plugin because it runs on every call and has one shape: a
 * fixed allowlist needs a set lookup, not per-request option merging (see bench/api.ts).
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('Vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return done();
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Allow-Credentials', 'true');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      reply
        .header('Access-Control-Allow-Methods', ALLOW_METHODS)
        .header('Access-Control-Allow-Headers', ALLOW_HEADERS)
        .header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS)
        .code(204)
        .send();
      return;
    }
    reply.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    done();
  });
  // Gives a preflight for any path a route, so it reaches the hook above; other OPTIONS calls are 404s.
  app.options(
    '*',
    { config: { auth: 'public', rateLimit: false }, schema: { hide: true } },
    (_request, reply) => reply.callNotFound(),
  );
}
