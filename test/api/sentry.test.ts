import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildServer } from '@assay/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initSentry } from '../../apps/api/src/sentry.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signUp } from '../support/client.ts';

/** A Sentry ingest endpoint on loopback that keeps every envelope it receives. */
const envelopes: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    envelopes.push(body);
    res.end('{}');
  });
});

let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close().catch(() => {});
  receiver.close();
});

describe('error reporting', () => {
  it('sends unexpected errors to Sentry and answers a bare 500 in the envelope', async () => {
    const dsn = `http://publickey@127.0.0.1:${(receiver.address() as AddressInfo).port}/7`;
    const report = await initSentry(dsn);
    const server = await buildServer(t.platform, { logger: false, reportError: report });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const owner = await signUp(t.url, 'sentry');
    t.platform.authCache.clear();
    // A database that has gone away is the kind of failure nobody wrote an error code for.
    await t.platform.database.close();
    const res = await fetch(`${url}/v1/projects`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; trace_id: string } };
    expect(body.error).toMatchObject({ code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' });
    const Sentry = await import('@sentry/node');
    await Sentry.flush(5000);
    expect(envelopes.some((e) => e.includes('"type":"event"') || e.includes('"exception"'))).toBe(true);
    await server.app.close();
  });
});
