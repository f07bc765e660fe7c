import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/net/address-policy.ts';
import { assertPublicUrl, SafeFetchError, safeFetch } from '../../src/net/safe-fetch.ts';

let server: Server;
let base: string;
const seen: { path: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ path: request.url ?? '', headers: request.headers });
    const path = request.url ?? '/';
    if (path === '/hello') return response.end('hello');
    if (path === '/big') return response.end('x'.repeat(10_000));
    if (path === '/stream') {
      response.write('x'.repeat(6000));
      return response.end('x'.repeat(6000));
    }
    if (path === '/slow') return setTimeout(() => response.end('late'), 2000);
    if (path.startsWith('/loop')) {
      response.writeHead(302, { location: `/loop${path.length}` });
      return response.end();
    }
    if (path === '/see-other') {
      response.writeHead(303, { location: '/hello' });
      return response.end();
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SafeFetchError);
    return error as SafeFetchError;
  }
  throw new Error('expected the request to fail');
};

describe('address policy', () => {
  it('allows global unicast and refuses every special range', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700::1111'])
      expect(isPublicAddress(address)).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.0.0.5',
      '172.16.3.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '0.1.2.3',
      '255.255.255.255',
      '224.0.0.1',
      '192.0.2.10',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2001:db8::1',
      'not-an-ip',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });
});

describe('safeFetch', () => {
  it('refuses loopback by literal address and by name unless private networks are allowed', async () => {
    expect((await failure(safeFetch(`${base}/hello`))).code).toBe('blocked_address');
    const port = new URL(base).port;
    expect((await failure(safeFetch(`http://localhost:${port}/hello`))).code).toBe('blocked_address');
    expect((await failure(safeFetch(`http://[::1]:${port}/hello`))).code).toBe('blocked_address');
    expect((await failure(assertPublicUrl(`http://localhost:${port}/`))).code).toBe('blocked_address');
    expect((await failure(assertPublicUrl('http://169.254.169.254/latest/meta-data'))).code).toBe(
      'blocked_address',
    );
    const response = await safeFetch(`${base}/hello`, { allowPrivate: true });
    expect(response.status).toBe(200);
    expect(response.text()).toBe('hello');
  });

  it('refuses other schemes, credentials, and plain http when https is required', async () => {
    expect((await failure(safeFetch('file:///etc/passwd'))).code).toBe('invalid_url');
    expect((await failure(safeFetch('gopher://example.com/'))).code).toBe('invalid_url');
    expect((await failure(safeFetch('http://user:pw@example.com/'))).code).toBe('invalid_url');
    expect((await failure(safeFetch('not a url'))).code).toBe('invalid_url');
    expect((await failure(assertPublicUrl('http://example.com/', { requireHttps: true }))).code).toBe(
      'invalid_url',
    );
  });

  it('bounds the body by its declared and its streamed size', async () => {
    expect((await failure(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }))).code).toBe(
      'too_large',
    );
    expect((await failure(safeFetch(`${base}/stream`, { allowPrivate: true, maxBytes: 8000 }))).code).toBe(
      'too_large',
    );
  });

  it('bounds the time', async () => {
    const error = await failure(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
  });

  it('follows redirects up to the limit, turning 303 into GET', async () => {
    expect((await failure(safeFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }))).code).toBe(
      'too_many_redirects',
    );
    const response = await safeFetch(`${base}/see-other`, { allowPrivate: true, method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${base}/hello`);
    expect(response.redirects).toEqual([`${base}/hello`]);
    const unfollowed = await safeFetch(`${base}/see-other`, { allowPrivate: true, maxRedirects: 0 });
    expect(unfollowed.status).toBe(303);
  });

  it('sends its own user agent', async () => {
    await safeFetch(`${base}/hello`, { allowPrivate: true });
    expect(String(seen.at(-1)?.headers['user-agent'])).toMatch(/^AssayBot\//);
  });
});
