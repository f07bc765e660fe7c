import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStorage } from '../../src/storage/local.ts';
import { type LocalFileServer, startLocalFileServer } from './servers.ts';

let server: LocalFileServer;
let storage: LocalStorage;
beforeAll(async () => {
  server = await startLocalFileServer();
  storage = server.storage();
});
afterAll(async () => {
  await server?.close();
});

/** Everything on disk under a key prefix, temp and metadata files included. */
const filesUnder = async (prefix: string) =>
  (await readdir(server.rootDir, { recursive: true }).catch(() => [] as string[])).filter((f) =>
    f.startsWith(prefix),
  );

/** A request exactly as written: fetch would normalize `..` and friends away before sending. */
function rawRequest(method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.baseUrl}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('localFileRoutes', () => {
  it('serves objects with safe headers, and a download name only when one was signed', async () => {
    const key = `h-${randomUUID()}/page.html`;
    await storage.put(key, '<script>alert(1)</script>', { contentType: 'text/html' });
    const inline = await fetch(await storage.presignGet(key));
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-length')).toBe('25');
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    expect(inline.headers.get('content-security-policy')).toContain('sandbox');
    expect(inline.headers.get('content-disposition')).toBeNull();
    const head = await fetch(await storage.presignGet(key), { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-type')]).toEqual([
      200,
      '25',
      'text/html',
    ]);
    const named = await fetch(await storage.presignGet(key, { filename: 'a"; name=b\\c.html' }));
    expect(named.headers.get('content-disposition')).toBe(
      `attachment; filename="a_; name=b_c.html"; filename*=UTF-8''a%22%3B%20name%3Db%5Cc.html`,
    );
    await expect(storage.presignGet(key, { filename: 'a\nb' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('answers in the error envelope: no signature 403, missing object 404', async () => {
    const key = `e-${randomUUID()}/gone.txt`;
    const unsigned = await fetch(`${server.baseUrl}/files/${key}`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({
      error: { code: 'FORBIDDEN', details: [], trace_id: expect.any(String) },
    });
    const missing = await fetch(await storage.presignGet(key));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('binds a URL to its method and to its signed content type', async () => {
    const key = `m-${randomUUID()}/doc.pdf`;
    const upload = await storage.presignPut(key, { contentType: 'application/pdf' });
    expect((await fetch(upload.url)).status).toBe(403);
    const swapped = upload.url.replace('type=application%2Fpdf', 'type=text%2Fhtml');
    expect(swapped).not.toBe(upload.url);
    expect(
      (await fetch(swapped, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: 'x' })).status,
    ).toBe(403);
    const untyped = await fetch(upload.url, { method: 'PUT', body: new Uint8Array([1]) });
    expect(untyped.status).toBe(415);
    const cased = await fetch(upload.url, {
      method: 'PUT',
      headers: { 'content-type': 'Application/PDF' },
      body: 'x',
    });
    expect(cased.status).toBe(200);
    await storage.put(key, 'x');
    expect((await fetch(await storage.presignGet(key), { method: 'PUT', body: 'y' })).status).toBe(403);
    expect((await storage.getBuffer(key)).toString()).toBe('x');
  });

  it('refuses a declared body over the limit with 413 before reading it, leaving nothing', async () => {
    const prefix = `big-${randomUUID()}`;
    const upload = await storage.presignPut(`${prefix}/a.bin`, {
      contentType: 'application/octet-stream',
      maxBytes: 1024,
    });
    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: Buffer.alloc(4 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await filesUnder(prefix)).toEqual([]);
  });

  it('stops a streamed (chunked) body at the limit and leaves nothing', async () => {
    const prefix = `chunk-${randomUUID()}`;
    const upload = await storage.presignPut(`${prefix}/a.bin`, {
      contentType: 'application/octet-stream',
      maxBytes: 100_000,
    });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(10_000));
        controller.close();
      },
    });
    const response = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    await waitFor(async () => (await filesUnder(prefix)).length === 0);
    expect(await filesUnder(prefix)).toEqual([]);
    expect(await storage.head(`${prefix}/a.bin`)).toBeUndefined();
  });

  it('keeps nothing of an upload cut off midway', async () => {
    const prefix = `cut-${randomUUID()}`;
    const upload = await storage.presignPut(`${prefix}/a.bin`, { contentType: 'application/octet-stream' });
    await new Promise<void>((resolve) => {
      const req = httpRequest(upload.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': '1000000' },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(300_000), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => resolve());
    });
    await waitFor(async () => (await filesUnder(prefix)).length === 0);
    expect(await filesUnder(prefix)).toEqual([]);
    expect(await storage.head(`${prefix}/a.bin`)).toBeUndefined();
  });

  it('never resolves a hostile path outside the root', async () => {
    const paths = [
      '/files/../../../../etc/passwd?expires=9999999999&signature=x',
      '/files/..%2F..%2F..%2Fetc%2Fpasswd?expires=9999999999&signature=x',
      '/files/%2e%2e/%2e%2e/etc/passwd?expires=9999999999&signature=x',
      '/files/a%00b?expires=9999999999&signature=x',
      '/files//etc/passwd?expires=9999999999&signature=x',
    ];
    for (const path of paths) {
      for (const method of ['GET', 'PUT']) {
        const { status, body } = await rawRequest(method, path);
        expect(status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(status, `${method} ${path}`).toBeLessThan(500);
        expect(body).not.toContain('root:');
      }
    }
  });
});
