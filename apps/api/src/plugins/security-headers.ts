import type { FastifyInstance } from 'fastify';

/**
 * Headers every API response carries: the set OWASP recommends for JSON APIs. A JSON body must never
 * be sniffed into something else or framed, leaks no referrer, and reaches other sites only through
 * CORS. Caching is each route's choice (Cache-Control). Computed once; each response copies the same
 * object.
 */
const API_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-site',
  'referrer-policy': 'no-referrer',
};

/**
 * Pages rendered in a browser (the API reference at /docs runs its own scripts, styles and fonts):
 * only framing is restricted by policy, plus the document-level isolation a page should have.
 */
const PAGE_HEADERS: Record<string, string> = {
  ...API_HEADERS,
  'content-security-policy': "frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * A fixed header set instead of a per-request middleware chain: the API's headers never depend on
 * the request, and this hook runs on every call (see bench/api.ts). Routes under `pagePrefixes` get
 * the page set.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { pagePrefixes: string[] }) {
  const isPage = (url: string) => options.pagePrefixes.some((prefix) => url.startsWith(prefix));
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isPage(request.url) ? PAGE_HEADERS : API_HEADERS);
    done();
  });
}
