import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * OpenTelemetry: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP, JSON). The API is a
 * no-op until the SDK starts, so the helpers below cost nothing by default. The API opens a span per
 * request; a job carries that span's `traceparent` and the worker continues the trace, so
 * API -> queue -> worker is one trace.
 */
export async function startTracing(
  endpoint: string | undefined,
  serviceName: string,
): Promise<() => Promise<void>> {
  if (!endpoint) return async () => {};
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
  });
  sdk.start();
  return () => sdk.shutdown();
}

/** The W3C traceparent of the active span, if a trace is being recorded. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Runs a job handler inside a span whose parent is the trace that enqueued it. */
export function withJobSpan<T>(name: string, traceparent: string | null, run: () => Promise<T>): Promise<T> {
  const parent = traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
  return trace.getTracer('assay-worker').startActiveSpan(`job ${name}`, {}, parent, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
