import { AppError } from '../errors.ts';
import { DEFAULT_URL_TTL_SECONDS } from './port.ts';

/** The longest lifetime S3 accepts for a presigned URL (SigV4): 7 days. */
export const MAX_URL_TTL_SECONDS = 7 * 24 * 60 * 60;
export const MAX_KEY_BYTES = 1024;
/** Each key segment becomes a directory name on disk, and file systems cap those at 255 bytes. */
export const MAX_SEGMENT_BYTES = 200;

// S3's "safe characters" (letters, digits, ! - _ . * ' ( ) and /) minus `*`, plus `=` and `@`.
// Everything else (spaces, backslashes, `%`, control characters, NUL, non-ASCII) is refused,
// so a key means the same thing on every file system and needs no escaping in a URL path.
const KEY_CHARS = /^[A-Za-z0-9!\-_.'()=@/]+$/;
const MEDIA_TOKEN = '[A-Za-z0-9!#$&^_.+-]+';
const CONTENT_TYPE = new RegExp(
  `^${MEDIA_TOKEN}/${MEDIA_TOKEN}(\\s*;\\s*${MEDIA_TOKEN}=(${MEDIA_TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`,
);

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_ERROR', `Invalid ${field}: ${message}`, { details: [{ field, message }] });

function checkPath(value: string, field: string, allowTrailingSlash: boolean): void {
  if (typeof value !== 'string' || value.length === 0) throw invalid(field, 'must not be empty');
  if (Buffer.byteLength(value) > MAX_KEY_BYTES)
    throw invalid(field, `must be at most ${MAX_KEY_BYTES} bytes`);
  if (!KEY_CHARS.test(value)) {
    throw invalid(field, "may contain only letters, digits, '/' and ! - _ . ' ( ) = @");
  }
  if (value.startsWith('/')) throw invalid(field, 'must not start with "/"');
  const segments = value.split('/');
  if (allowTrailingSlash && segments.length > 1 && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') throw invalid(field, 'must not contain empty segments ("//" or a trailing "/")');
    // Dot-segments would walk the tree, and dot-files are where the local adapter keeps its metadata.
    if (segment.startsWith('.')) throw invalid(field, 'no segment may start with "."');
    if (segment.length > MAX_SEGMENT_BYTES)
      throw invalid(field, `segments must be at most ${MAX_SEGMENT_BYTES} bytes`);
  }
}

/** Throws VALIDATION_ERROR unless `key` is a safe object key; returns it unchanged. */
export function assertValidKey(key: string): string {
  checkPath(key, 'key', false);
  return key;
}

/** A prefix follows the key rules but may end with "/"; an empty prefix (everything) is refused. */
export function assertValidPrefix(prefix: string): string {
  checkPath(prefix, 'prefix', true);
  return prefix;
}

export function assertValidContentType(contentType: string): string {
  if (typeof contentType !== 'string' || contentType.length > 255 || !CONTENT_TYPE.test(contentType)) {
    throw invalid('contentType', 'must be a media type such as "application/pdf"');
  }
  return contentType;
}

const hasControlCharacter = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

export function assertValidFilename(filename: string): string {
  if (
    typeof filename !== 'string' ||
    filename.length === 0 ||
    filename.length > 255 ||
    hasControlCharacter(filename)
  ) {
    throw invalid('filename', 'must be 1 to 255 characters without control characters');
  }
  return filename;
}

export function assertValidByteCount(value: number, field: 'maxBytes' | 'contentLength'): number {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(field, 'must be a whole number of bytes');
  return value;
}

/** The same lifetime rules for both adapters: 15 minutes by default, 1 second to 7 days. */
export function resolveTtlSeconds(expiresInSeconds: number | undefined): number {
  const ttl = expiresInSeconds ?? DEFAULT_URL_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_URL_TTL_SECONDS) {
    throw invalid('expiresInSeconds', `must be a whole number from 1 to ${MAX_URL_TTL_SECONDS}`);
  }
  return ttl;
}
