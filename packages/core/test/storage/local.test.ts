import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.ts';
import { createUrlSigner } from '../../src/storage/url-signer.ts';
import { SIGNING_SECRET, tempDir } from './servers.ts';

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: LocalStorage;
const now = new Date('2030-01-01T00:00:00Z');

beforeEach(async () => {
  dir = await tempDir('local');
  storage = createLocalStorage({
    rootDir: join(dir.path, 'root'),
    publicBaseUrl: 'https://api.example.test/',
    signingSecret: SIGNING_SECRET,
    clock: () => now,
  });
});
afterEach(async () => {
  await dir.remove();
});

/** Yields some bytes, then fails: a client or disk that gives up midway. */
const failingStream = () =>
  Readable.from(
    (async function* () {
      yield Buffer.alloc(50_000, 1);
      throw new Error('connection reset');
    })(),
  );

describe('local storage on disk', () => {
  it('keeps the previous object whole when a write fails midway, and no temporary file', async () => {
    await storage.put('a/doc.txt', 'version 1', { contentType: 'text/plain' });
    await expect(storage.put('a/doc.txt', failingStream(), { contentType: 'image/png' })).rejects.toThrow(
      'connection reset',
    );
    expect(await storage.head('a/doc.txt')).toEqual({ key: 'a/doc.txt', size: 9, contentType: 'text/plain' });
    expect((await storage.getBuffer('a/doc.txt')).toString()).toBe('version 1');
    expect(await readdir(join(storage.rootDir, 'a', 'doc.txt'))).toEqual(['.object', '.object.json']);
  });

  it('leaves no trace of a failed first write', async () => {
    await expect(storage.put('new/deep/doc.txt', failingStream())).rejects.toThrow('connection reset');
    await expect(storage.put('new/big.bin', Buffer.alloc(2000), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    await expect(storage.put('new/short.bin', Buffer.alloc(5), { contentLength: 6 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await readdir(storage.rootDir)).toEqual([]);
  });

  it('holds a key and keys below it side by side, as S3 does', async () => {
    await storage.put('x', 'parent');
    await storage.put('x/y', 'child');
    expect((await storage.getBuffer('x')).toString()).toBe('parent');
    expect((await storage.getBuffer('x/y')).toString()).toBe('child');
    await storage.delete('x');
    expect(await storage.head('x')).toBeUndefined();
    expect((await storage.getBuffer('x/y')).toString()).toBe('child');
    await storage.delete('x/y');
    expect(await readdir(storage.rootDir)).toEqual([]);
  });

  it('ends concurrent writes of one key with one whole version', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(200_000, i));
    await Promise.all(
      versions.map((v) =>
        storage.put('race.bin', Readable.from([v.subarray(0, 100_000), v.subarray(100_000)])),
      ),
    );
    const final = await storage.getBuffer('race.bin');
    expect(versions.some((v) => v.equals(final))).toBe(true);
    expect(await readdir(join(storage.rootDir, 'race.bin'))).toEqual(['.object', '.object.json']);
  });
});

describe('signed local URLs', () => {
  it('point at /files/<key> on the public base URL and verify for that method and key only', async () => {
    const url = new URL(await storage.presignGet('orgs/1/report-(v2)@a=b.pdf', { filename: 'r.pdf' }));
    expect(url.origin + url.pathname).toBe('https://api.example.test/files/orgs/1/report-(v2)%40a%3Db.pdf');
    const query = Object.fromEntries(url.searchParams);
    expect(Number(query.expires)).toBe(now.getTime() / 1000 + 900);
    expect(storage.verifyUrl('GET', 'orgs/1/report-(v2)@a=b.pdf', query)).toMatchObject({
      filename: 'r.pdf',
    });
  });

  it('refuses a different method, key, secret, an extra signed field, repeated params and expiry', async () => {
    const upload = await storage.presignPut('k.bin', {
      contentType: 'application/pdf',
      maxBytes: 10,
      expiresInSeconds: 60,
    });
    const query = Object.fromEntries(new URL(upload.url).searchParams);
    expect(storage.verifyUrl('PUT', 'k.bin', query)).toMatchObject({
      contentType: 'application/pdf',
      maxBytes: 10,
    });
    const refused = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    refused(() => storage.verifyUrl('GET', 'k.bin', query));
    refused(() => storage.verifyUrl('PUT', 'k2.bin', query));
    refused(() => storage.verifyUrl('PUT', 'k.bin', { ...query, max: '1000000' }));
    refused(() => storage.verifyUrl('PUT', 'k.bin', { ...query, length: '10' }));
    refused(() =>
      storage.verifyUrl('PUT', 'k.bin', { ...query, signature: [query.signature, query.signature] }),
    );
    const other = createUrlSigner({ secret: `${SIGNING_SECRET}!`, publicBaseUrl: 'x', clock: () => now });
    refused(() => other.verify('PUT', 'k.bin', query));
    const later = createLocalStorage({
      rootDir: storage.rootDir,
      publicBaseUrl: 'x',
      signingSecret: SIGNING_SECRET,
      clock: () => new Date(now.getTime() + 60_000),
    });
    expect(() => later.verifyUrl('PUT', 'k.bin', query)).toThrow('expired');
    expect(upload.expiresAt).toEqual(new Date(now.getTime() + 60_000));
  });

  it('refuses a short signing secret', () => {
    expect(() =>
      createLocalStorage({ rootDir: dir.path, publicBaseUrl: 'x', signingSecret: 'short' }),
    ).toThrow('32');
  });
});
