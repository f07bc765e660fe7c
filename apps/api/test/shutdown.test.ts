import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close().catch(() => {}));

describe('graceful shutdown', () => {
  it('finishes a request in flight and refuses new connections while draining', async () => {
    const key = 'orgs/shutdown-test/slow-upload';
    const upload = await t.platform.storage.presignPut(key, {
      contentType: 'application/octet-stream',
      contentLength: 5 * 4096,
    });
    let sent = 0;
    const slowBody = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 5) return controller.close();
        await new Promise((r) => setTimeout(r, 100));
        controller.enqueue(new Uint8Array(4096).fill(sent++));
      },
    });
    const inFlight = fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: slowBody,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 150));
    const draining = t.server.drain();
    const refused = await fetch(`${t.url}/health`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(refused);
    const finished = await inFlight;
    expect(finished.status).toBeLessThan(300);
    await draining;
    expect((await t.platform.storage.head(key))?.size).toBe(5 * 4096);
  });
});
