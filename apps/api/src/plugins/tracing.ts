import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    span?: Span;
  }
}

/**
 * A server span per request, continuing an incoming `traceparent`. The rest of the request runs
 * inside the span's context, so jobs enqueued while handling it carry the trace to the worker.
 * Registered only when an OTLP endpoint is configured (the SDK is started by then).
 */
export function registerTracing(app: FastifyInstance) {
  const tracer = trace.getTracer('assay-api');
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      {
        kind: SpanKind.SERVER,
        // The route pattern, not the path: paths can carry share tokens (/v1/public/reports/<token>).
        attributes: {
          'http.request.method': request.method,
          'http.route': request.routeOptions.url ?? 'unmatched',
        },
      },
      parent,
    );
    request.span = span;
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = request.span;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (request.principal?.orgId) span.setAttribute('assay.org_id', request.principal.orgId);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
