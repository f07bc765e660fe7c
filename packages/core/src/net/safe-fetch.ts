import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { bareHost, isPublicAddress } from './address-policy.ts';

export type SafeFetchErrorCode =
  | 'invalid_url'
  | 'blocked_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'network';

/** Why an outbound request was refused or failed; `message` is safe to show to the user. */
export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  constructor(code: SafeFetchErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'SafeFetchError';
  }
}

export interface OutboundPolicy {
  /** Reach private, loopback and link-local addresses (operator setting `OUTBOUND_ALLOW_PRIVATE`). */
  allowPrivate?: boolean;
  /** Refuse plain http (webhooks outside development). */
  requireHttps?: boolean;
}

export interface SafeFetchOptions extends OutboundPolicy {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole request, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** Largest response body read; more fails with `too_large`. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5; 0 returns the redirect response itself. */
  maxRedirects?: number;
  userAgent?: string;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: string[];
  body: Buffer;
  text(): string;
}

export const ASSAY_USER_AGENT = 'AssayBot/1.0 (+https://assay.dev/bot)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses and checks a URL's form: http(s) only, no credentials, https when required. */
export function parseOutboundUrl(raw: string, policy: OutboundPolicy = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('invalid_url', 'Expected an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeFetchError('invalid_url', `Only http and https URLs are allowed, not ${url.protocol}`);
  if (policy.requireHttps && url.protocol !== 'https:')
    throw new SafeFetchError('invalid_url', 'Only https URLs are allowed');
  if (url.username || url.password)
    throw new SafeFetchError('invalid_url', 'URLs with credentials are not allowed');
  return url;
}

function refuse(host: string, address: string): SafeFetchError {
  const shown = host === address ? address : `${host} (${address})`;
  return new SafeFetchError('blocked_address', `${shown} is a private, loopback or reserved address`);
}

async function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error
        ? reject(new SafeFetchError('network', `Cannot resolve ${host}`))
        : resolve(addresses as LookupAddress[]),
    ),
  );
}

/**
 * Resolves the host and checks every address it has, so a name with one public and one private
 * record cannot be used to reach the private one. For saving a URL; `safeFetch` checks again at
 * connect time, on the address it actually connects to.
 */
export async function assertPublicUrl(raw: string, policy: OutboundPolicy = {}): Promise<URL> {
  const url = parseOutboundUrl(raw, policy);
  if (policy.allowPrivate) return url;
  const host = bareHost(url.hostname);
  if (ipaddr.isValid(host)) {
    if (!isPublicAddress(host)) throw refuse(host, host);
    return url;
  }
  for (const { address } of await resolveAll(host))
    if (!isPublicAddress(address)) throw refuse(host, address);
  return url;
}

/** A DNS lookup that refuses private answers; the socket connects only to the address it checked. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  resolveAll(hostname).then(
    (addresses) => {
      const blocked = addresses.find((a) => !isPublicAddress(a.address));
      if (blocked) return callback(refuse(hostname, blocked.address), '', 4);
      const wanted = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
      if (!wanted.length) return callback(new SafeFetchError('network', `Cannot resolve ${hostname}`), '', 4);
      if (options.all) return (callback as any)(null, wanted);
      return callback(null, wanted[0]!.address, wanted[0]!.family);
    },
    (error) => callback(error, '', 4),
  );
};

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function requestOnce(
  url: URL,
  options: SafeFetchOptions,
  method: string,
  body: Buffer | undefined,
  signal: AbortSignal,
) {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const host = bareHost(url.hostname);
  if (!options.allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host)) throw refuse(host, host);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method,
        signal,
        lookup: options.allowPrivate ? undefined : guardedLookup,
        headers: {
          'user-agent': options.userAgent ?? ASSAY_USER_AGENT,
          'accept-encoding': 'identity',
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          response.destroy();
          return reject(new SafeFetchError('too_large', `Response is larger than ${maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new SafeFetchError('too_large', `Response is larger than ${maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function translate(error: unknown, timeoutMs: number): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof SafeFetchError) return cause;
  const name = (error as Error).name;
  if (name === 'AbortError' || name === 'TimeoutError')
    return new SafeFetchError('timeout', `No complete answer within ${timeoutMs} ms`);
  const code = (error as NodeJS.ErrnoException).code;
  return new SafeFetchError('network', code ? `Connection failed (${code})` : 'Connection failed');
}

const withoutCredentials = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)));

/**
 * Fetches a URL a user gave us without letting it reach our own network: every hop's address is
 * checked at connect time (so DNS rebinding between check and use does not help), redirects are
 * followed by hand and checked the same way, and the time and size are bounded.
 */
export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseOutboundUrl(raw, options);
  let method = (options.method ?? 'GET').toUpperCase();
  let body = options.body === undefined ? undefined : Buffer.from(options.body);
  const redirects: string[] = [];
  let headers = options.headers ?? {};
  try {
    for (;;) {
      const hop = await requestOnce(url, { ...options, headers }, method, body, signal);
      const location = hop.headers.location;
      if (!REDIRECTS.has(hop.status) || !location || maxRedirects === 0) {
        return { ...hop, url: url.toString(), redirects, text: () => hop.body.toString('utf8') };
      }
      if (redirects.length >= maxRedirects)
        throw new SafeFetchError('too_many_redirects', `More than ${maxRedirects} redirects`);
      const next = parseOutboundUrl(new URL(location, url).toString(), options);
      redirects.push(next.toString());
      if (next.origin !== url.origin) headers = withoutCredentials(headers);
      if (hop.status === 303 || ((hop.status === 301 || hop.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  } catch (error) {
    throw translate(error, timeoutMs);
  }
}
