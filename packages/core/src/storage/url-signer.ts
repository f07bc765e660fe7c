import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

/** What a signed local URL allows: one method on one key until `expiresAt` (Unix seconds). */
export interface UrlGrant {
  method: 'GET' | 'PUT';
  key: string;
  expiresAt: number;
  contentType?: string;
  maxBytes?: number;
  contentLength?: number;
  filename?: string;
}

export interface UrlSigner {
  url(grant: UrlGrant): string;
  /** Throws FORBIDDEN unless the query carries an authentic, unexpired signature for this method and key. */
  verify(method: UrlGrant['method'], key: string, query: unknown): UrlGrant;
}

const PARAMS = {
  expiresAt: 'expires',
  contentType: 'type',
  maxBytes: 'max',
  contentLength: 'length',
  filename: 'name',
} as const;
const SIGNATURE_PARAM = 'signature';
const denied = (message: string) => new AppError('FORBIDDEN', message);

/** Percent-encodes each segment, keeping the slashes: the route reads the key from the path. */
export const encodeKeyPath = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export function createUrlSigner(options: {
  secret: string;
  publicBaseUrl: string;
  clock: () => Date;
}): UrlSigner {
  if (options.secret.length < 32) throw new Error('Storage signing secret must be at least 32 characters');
  // A key of its own, so a signature made here can never be replayed against another use of the app secret.
  const macKey = createHmac('sha256', options.secret).update('assay/storage/signed-url/v1').digest();
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');

  // JSON keeps the fields unambiguous: no value can shift into its neighbour.
  const mac = (g: UrlGrant) =>
    createHmac('sha256', macKey)
      .update(
        JSON.stringify([
          g.method,
          g.key,
          g.expiresAt,
          g.contentType,
          g.maxBytes,
          g.contentLength,
          g.filename,
        ]),
      )
      .digest();

  function url(grant: UrlGrant): string {
    const query = new URLSearchParams();
    for (const [field, param] of Object.entries(PARAMS)) {
      const value = grant[field as keyof typeof PARAMS];
      if (value !== undefined) query.set(param, String(value));
    }
    query.set(SIGNATURE_PARAM, mac(grant).toString('base64url'));
    return `${baseUrl}/files/${encodeKeyPath(grant.key)}?${query}`;
  }

  function verify(method: UrlGrant['method'], key: string, query: unknown): UrlGrant {
    const q = (query ?? {}) as Record<string, unknown>;
    const text = (param: string): string | undefined => {
      const value = q[param];
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw denied('The link is not valid');
      return value;
    };
    const count = (param: string): number | undefined => {
      const value = text(param);
      if (value === undefined) return undefined;
      if (!/^\d{1,15}$/.test(value)) throw denied('The link is not valid');
      return Number(value);
    };
    const signature = text(SIGNATURE_PARAM);
    const expiresAt = count(PARAMS.expiresAt);
    if (!signature || expiresAt === undefined) throw denied('The link is missing its signature');
    const grant: UrlGrant = { method, key, expiresAt };
    const contentType = text(PARAMS.contentType);
    const maxBytes = count(PARAMS.maxBytes);
    const contentLength = count(PARAMS.contentLength);
    const filename = text(PARAMS.filename);
    if (contentType !== undefined) grant.contentType = contentType;
    if (maxBytes !== undefined) grant.maxBytes = maxBytes;
    if (contentLength !== undefined) grant.contentLength = contentLength;
    if (filename !== undefined) grant.filename = filename;

    const given = Buffer.from(signature, 'base64url');
    const expected = mac(grant);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw denied('The link signature is not valid');
    }
    if (options.clock().getTime() >= expiresAt * 1000) throw denied('The link has expired');
    return grant;
  }

  return { url, verify };
}
