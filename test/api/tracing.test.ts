import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signUp } from '../support/client.ts';

/** An OTLP/HTTP JSON receiver on loopback, keeping every span it is sent. */
const spans: { traceId: string; spanId: string; parentSpanId?: string; name: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const payload = JSON.parse(body || '{}');
    for (const rs of payload.resourceSpans ?? [])
      for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
});

let t: TestApp;
let stopTracing: () => Promise<void>;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  stopTracing = await startTracing(endpoint, 'assay-test');
  t = await startTestApp({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  receiver.close();
});

describe('OpenTelemetry traces', () => {
  it('follow a request through the queue to the worker as one trace', async () => {
    const owner = await signUp(t.url, 'traced');
    const traceId = 'a3ce929d0e0e47364bf92f3577b34da6';
    const started = await owner.api.post(
      '/v1/exports',
      {},
      { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(started.status).toBe(202);
    expect(started.headers.get('x-trace-id')).toBe(traceId);
    for (let i = 0; i < 100; i++) {
      if ((await owner.api.get(`/v1/jobs/${started.body.id}`)).body.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await stopTracing();
    const inTrace = spans.filter((s) => s.traceId === traceId);
    const request = inTrace.find((s) => s.name === 'POST /v1/exports');
    const job = inTrace.find((s) => s.name === 'job core.export');
    expect(request).toBeTruthy();
    expect(job).toBeTruthy();
    expect(request!.parentSpanId).toBe('00f067aa0ba902b7');
  });
});
