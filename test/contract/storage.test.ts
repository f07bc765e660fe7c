import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adapters,
  binary,
  chunked,
  collect,
  type Harness,
} from '../../packages/core/test/storage/contract-harness.ts';

// One suite, both adapters: local disk behind a Fastify server, and S3 against an S3-compatible
// server on loopback (see servers.ts). Both run on 127.0.0.1 with random ports and temp folders.

const expectCode = async (promise: Promise<unknown>, code: string) =>
  expect(promise).rejects.toMatchObject({ code });

describe.each(adapters)('ObjectStorage contract: $name', ({ start }) => {
  let h: Harness;
  const prefix = `t-${randomUUID()}`;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h?.close();
  });
  const key = (name: string) => `${prefix}/${name}`;

  it('answers ping', async () => {
    await expect(h.storage.ping()).resolves.toBeUndefined();
  });

  it('round-trips binary data through put, get, getBuffer, head and delete', async () => {
    const data = binary(100_000);
    const stored = await h.storage.put(key('doc.bin'), data, { contentType: 'application/octet-stream' });
    expect(stored).toEqual({
      key: key('doc.bin'),
      size: data.length,
      contentType: 'application/octet-stream',
    });
    expect(await h.storage.head(key('doc.bin'))).toEqual(stored);
    expect((await h.storage.getBuffer(key('doc.bin'))).equals(data)).toBe(true);
    expect((await collect(await h.storage.get(key('doc.bin')))).equals(data)).toBe(true);

    await h.storage.put(key('doc.bin'), 'replaced', { contentType: 'text/plain; charset=utf-8' });
    expect(await h.storage.head(key('doc.bin'))).toMatchObject({
      size: 8,
      contentType: 'text/plain; charset=utf-8',
    });
    expect((await h.storage.getBuffer(key('doc.bin'))).toString()).toBe('replaced');

    await h.storage.delete(key('doc.bin'));
    expect(await h.storage.head(key('doc.bin'))).toBeUndefined();
    await expectCode(h.storage.getBuffer(key('doc.bin')), 'NOT_FOUND');
    await expectCode(h.storage.get(key('doc.bin')), 'NOT_FOUND');
    await expect(h.storage.delete(key('doc.bin'))).resolves.toBeUndefined();
  });

  it('stores streams of unknown length, empty and larger than one upload part', async () => {
    const big = binary(17 * 1024 * 1024);
    expect((await h.storage.put(key('big.bin'), chunked(big))).size).toBe(big.length);
    expect((await h.storage.getBuffer(key('big.bin'))).equals(big)).toBe(true);
    expect((await h.storage.put(key('empty'), Readable.from([]))).size).toBe(0);
    expect(await h.storage.head(key('empty'))).toMatchObject({ size: 0 });
    expect((await h.storage.getBuffer(key('empty'))).length).toBe(0);
  });

  it('deletes by prefix, matching key strings and nothing else', async () => {
    const keys = ['p/a/1', 'p/a/2', 'p/a/sub/3', 'p/a', 'p/ab', 'p/b/1'].map(key);
    for (const k of keys) await h.storage.put(k, k);
    expect(await h.storage.deletePrefix(key('p/a/'))).toBe(3);
    const left = async () => (await Promise.all(keys.map((k) => h.storage.head(k)))).map((o) => o?.key);
    expect(await left()).toEqual([undefined, undefined, undefined, key('p/a'), key('p/ab'), key('p/b/1')]);
    expect(await h.storage.deletePrefix(key('p/a'))).toBe(2);
    expect(await left()).toEqual([undefined, undefined, undefined, undefined, undefined, key('p/b/1')]);
    expect(await h.storage.deletePrefix(key('nothing-here/'))).toBe(0);
    await expectCode(h.storage.deletePrefix(''), 'VALIDATION_ERROR');
    expect(await h.storage.head(key('p/b/1'))).toBeDefined();
  });

  it('uploads through a presigned PUT and downloads the same bytes through a presigned GET', async () => {
    const data = binary(50_000);
    const upload = await h.storage.presignPut(key("up-(1)@v=2!'s.pdf"), {
      contentType: 'application/pdf',
      maxBytes: 1_000_000,
    });
    expect(upload.method).toBe('PUT');
    expect(upload.expiresAt.getTime() - Date.now()).toBeGreaterThan(890_000);
    expect(upload.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: data });
    expect(put.status).toBe(200);
    expect(await h.storage.head(key("up-(1)@v=2!'s.pdf"))).toMatchObject({
      size: data.length,
      contentType: 'application/pdf',
    });

    const url = await h.storage.presignGet(key("up-(1)@v=2!'s.pdf"), { filename: 'Policy résumé "v2".pdf' });
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''Policy%20r%C3%A9sum%C3%A9%20%22v2%22.pdf`,
    );
    expect(Buffer.from(await got.arrayBuffer()).equals(data)).toBe(true);
  });

  it('refuses expired URLs', async () => {
    await h.storage.put(key('old.txt'), 'old', { contentType: 'text/plain' });
    const get = await fetch(await h.pastStorage.presignGet(key('old.txt')));
    expect(get.status).toBe(403);
    const upload = await h.pastStorage.presignPut(key('late.txt'), { contentType: 'text/plain' });
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: 'late' });
    expect(put.status).toBe(403);
    expect(await h.storage.head(key('late.txt'))).toBeUndefined();
    // Signed at the same past moment but still valid: the refusals above are about time, nothing else.
    const lasting = await h.pastStorage.presignGet(key('old.txt'), { expiresInSeconds: 2 * 3600 });
    expect((await fetch(lasting)).status).toBe(200);
  });

  it('refuses URLs whose key, signature or expiry was changed', async () => {
    await h.storage.put(key('mine.txt'), 'mine');
    await h.storage.put(key('yours.txt'), 'yours');
    const url = await h.storage.presignGet(key('mine.txt'));
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url.replace('mine.txt', 'yours.txt'))).status).toBe(403);
    const signature = url.match(/(X-Amz-Signature|signature)=([^&]+)/)!;
    const flipped = signature[2].startsWith('a') ? `b${signature[2].slice(1)}` : `a${signature[2].slice(1)}`;
    expect((await fetch(url.replace(signature[0], `${signature[1]}=${flipped}`))).status).toBe(403);
    const longer = url.replace(
      /(X-Amz-Expires|expires)=(\d+)/,
      (_, name, value) => `${name}=${Number(value) + 60}`,
    );
    expect(longer).not.toBe(url);
    expect((await fetch(longer)).status).toBe(403);
  });

  it('refuses an upload with another content type than the signed one', async () => {
    const upload = await h.storage.presignPut(key('typed.pdf'), { contentType: 'application/pdf' });
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/html' },
      body: '<script>',
    });
    expect([403, 415]).toContain(put.status);
    expect(await h.storage.head(key('typed.pdf'))).toBeUndefined();
  });

  it('enforces a signed exact content length', async () => {
    const upload = await h.storage.presignPut(key('sized.bin'), {
      contentType: 'application/octet-stream',
      contentLength: 10,
    });
    const wrong = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: Buffer.alloc(11) });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    expect(await h.storage.head(key('sized.bin'))).toBeUndefined();
    const right = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: Buffer.alloc(10, 7),
    });
    expect(right.status).toBe(200);
    expect(await h.storage.head(key('sized.bin'))).toMatchObject({ size: 10 });
  });

  it('refuses an upload over the signed maximum, where the adapter can bound one', async (context) => {
    if (!h.enforcesMaxBytes)
      context.skip('S3 presigned PUTs carry no upper bound: callers sign contentLength');
    const upload = await h.storage.presignPut(key('huge.bin'), {
      contentType: 'application/octet-stream',
      maxBytes: 1000,
    });
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: Buffer.alloc(1001) });
    expect(put.status).toBe(413);
    expect(await put.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await h.storage.head(key('huge.bin'))).toBeUndefined();
  });

  it('rejects hostile keys before touching storage', async () => {
    const hostile = [
      '../x',
      '/etc/passwd',
      'a/../../b',
      'a/./b',
      'a\0b',
      'a//b',
      'a/',
      '.hidden',
      'a\\..\\b',
      'k'.repeat(1025),
      `${'s'.repeat(201)}/x`,
      '',
      'a b',
      'é',
    ];
    for (const bad of hostile) {
      await expectCode(h.storage.put(bad, 'x'), 'VALIDATION_ERROR');
      await expectCode(h.storage.get(bad), 'VALIDATION_ERROR');
      await expectCode(h.storage.getBuffer(bad), 'VALIDATION_ERROR');
      await expectCode(h.storage.head(bad), 'VALIDATION_ERROR');
      await expectCode(h.storage.delete(bad), 'VALIDATION_ERROR');
      await expectCode(h.storage.presignPut(bad, { contentType: 'text/plain' }), 'VALIDATION_ERROR');
      await expectCode(h.storage.presignGet(bad), 'VALIDATION_ERROR');
    }
    for (const bad of ['../', '/', 'a/../', 'a//'])
      await expectCode(h.storage.deletePrefix(bad), 'VALIDATION_ERROR');
  });

  it('applies the same URL lifetime rules: 15 minutes by default, at most 7 days', async () => {
    await expectCode(
      h.storage.presignGet(key('x'), { expiresInSeconds: 7 * 24 * 3600 + 1 }),
      'VALIDATION_ERROR',
    );
    await expectCode(h.storage.presignGet(key('x'), { expiresInSeconds: 0 }), 'VALIDATION_ERROR');
    const week = await h.storage.presignPut(key('x'), {
      contentType: 'text/plain',
      expiresInSeconds: 7 * 24 * 3600,
    });
    expect(week.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600 * 1000 - 10_000);
  });
});
