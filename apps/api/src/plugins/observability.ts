import { randomUUID } from 'node:crypto';
import type { Platform } from '@assay/core';
import type { Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerTracing } from './tracing.ts';

const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Trace id from the request's OpenTelemetry span, else an incoming `traceparent`, else a new one. */
function traceIdFor(span: Span | undefined, traceparent: string | undefined): string {
  const active = span?.spanContext().traceId;
  if (active && active !== '0'.repeat(32)) return active;
  const incoming = traceparent?.match(TRACEPARENT)?.[1];
  // randomUUID draws from a cached entropy pool: far cheaper per request than randomBytes.
  return incoming ?? randomUUID().replaceAll('-', '');
}

/**
 * Adds fields to every line the request logs. Fastify gives each request a logger of its own, so its
 * bindings are extended in place rather than through a new child logger per field set.
 */
function bind(request: FastifyRequest, bindings: Record<string, unknown>) {
  (request.log as { setBindings?: (b: Record<string, unknown>) => void }).setBindings?.(bindings);
}

export function registerObservability(app: FastifyInstance, platform: Platform) {
  if (platform.config.OTEL_EXPORTER_OTLP_ENDPOINT) registerTracing(app);
  app.decorateRequest('traceId', '');
  app.addHook('onRequest', async (request, reply) => {
    request.traceId = traceIdFor(request.span, request.headers.traceparent as string | undefined);
    reply.header('X-Request-Id', request.id);
    reply.header('X-Trace-Id', request.traceId);
    bind(request, { trace_id: request.traceId });
  });
  app.addHook('preHandler', async (request) => {
    const p = request.principal;
    if (p) bind(request, { org_id: p.orgId, user_id: p.user?.id, api_key_id: p.apiKeyId });
  });
  // One histogram child per (method, route, status), looked up by a plain key: prom-client's own
  // label lookup hashes the label object on every call, and this runs on every response.
  const series = new Map<string, { observe(seconds: number): void }>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = platform.metrics.httpDuration.labels(request.method, route, String(reply.statusCode));
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    // The route pattern, not the URL: paths and query strings can carry share tokens and signatures.
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 10) / 10,
        ip: request.ip,
      },
      'request completed',
    );
  });

  app.get(
    '/metrics',
    { config: { auth: 'public', rateLimit: false }, schema: { hide: true } },
    async (_request, reply) => {
      await refreshQueueDepth(platform);
      reply.header('Content-Type', platform.metrics.registry.contentType);
      return platform.metrics.registry.metrics();
    },
  );
}

async function refreshQueueDepth(platform: Platform) {
  const rows = await platform.jobs.countsByQueue();
  platform.metrics.queueDepth.reset();
  for (const row of rows) platform.metrics.queueDepth.labels(row.queue, row.status).set(row.count);
}
