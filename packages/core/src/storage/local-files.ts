import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.ts';

/*
 * Layout: each object is a directory named after its key, holding dot-files. Keys may not have
 * segments starting with ".", so `a` (a/.object) and `a/b` (a/b/.object) coexist like in S3, and
 * no key can name a metadata or temporary file.
 */
export const DATA_FILE = '.object';
export const META_FILE = '.object.json';

export interface ObjectMeta {
  contentType?: string;
}

/** The directory of `key`; the containment check backs up the key validation. */
export function objectDir(root: string, key: string): string {
  const dir = resolve(root, ...key.split('/'));
  if (!dir.startsWith(root + sep))
    throw new AppError('VALIDATION_ERROR', 'Invalid key: it leaves the storage root');
  return dir;
}

export const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

const ignoreMissing = (error: unknown) => {
  if (!isMissing(error)) throw error;
};

export interface ByteLimits {
  maxBytes?: number;
  /** The body must be exactly this long (a signed upload of a declared size). */
  exactBytes?: number;
}

function byteCounter(limits: ByteLimits, counted: { bytes: number }): Transform {
  const cap = Math.min(
    limits.maxBytes ?? Number.POSITIVE_INFINITY,
    limits.exactBytes ?? Number.POSITIVE_INFINITY,
  );
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > cap) {
        done(new AppError('PAYLOAD_TOO_LARGE', `The upload is larger than the allowed ${cap} bytes`));
        return;
      }
      done(null, chunk);
    },
    flush(done) {
      if (limits.exactBytes !== undefined && counted.bytes !== limits.exactBytes) {
        done(new AppError('BAD_REQUEST', `The upload must be exactly ${limits.exactBytes} bytes`));
        return;
      }
      done();
    },
  });
}

export function toReadable(body: Buffer | Readable | string): Readable {
  if (body instanceof Readable) return body;
  // Wrapped in an array: Readable.from(buffer) would emit one number per byte.
  return Readable.from([typeof body === 'string' ? Buffer.from(body) : body]);
}

/**
 * Streams the body to a temporary file, flushed to disk, then renames data and metadata into place:
 * a failure or a crash leaves either the previous object or the new one, never part of one.
 */
export async function writeObject(
  dir: string,
  body: Readable,
  meta: ObjectMeta,
  limits: ByteLimits,
): Promise<number> {
  await mkdir(dir, { recursive: true });
  const tag = randomUUID();
  const dataTemp = join(dir, `.tmp-${tag}`);
  const metaTemp = join(dir, `.tmp-${tag}.json`);
  const counted = { bytes: 0 };
  try {
    await pipeline(
      body,
      byteCounter(limits, counted),
      createWriteStream(dataTemp, { flags: 'wx', flush: true }),
    );
    await writeFile(metaTemp, JSON.stringify(meta), { flag: 'wx', flush: true });
    // Metadata first: if we stop between the two renames, a new key is still absent (no data file).
    await rename(metaTemp, join(dir, META_FILE));
    await rename(dataTemp, join(dir, DATA_FILE));
    return counted.bytes;
  } catch (error) {
    await unlink(dataTemp).catch(ignoreMissing);
    await unlink(metaTemp).catch(ignoreMissing);
    throw error;
  }
}

export async function removeObject(dir: string): Promise<boolean> {
  let removed = true;
  await unlink(join(dir, DATA_FILE)).catch((error) => {
    ignoreMissing(error);
    removed = false;
  });
  await unlink(join(dir, META_FILE)).catch(ignoreMissing);
  return removed;
}

/** Removes `dir` and its parents while they are empty, stopping at the root. */
export async function pruneEmptyDirs(root: string, dir: string): Promise<void> {
  let current = dir;
  while (current.startsWith(root + sep)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): its parents are not empty either
    }
    current = resolve(current, '..');
  }
}

/** Deletes every object whose key starts with `prefix`, visiting only directories that can match. */
export async function removeByPrefix(root: string, prefix: string): Promise<number> {
  const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
  const startDir = start ? objectDir(root, start) : root;
  let count = 0;
  async function visit(dir: string, key: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error) => {
      ignoreMissing(error);
      return [];
    });
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const childKey = key ? `${key}/${entry.name}` : entry.name;
      if (childKey.startsWith(prefix) || prefix.startsWith(`${childKey}/`)) {
        await visit(join(dir, entry.name), childKey);
      }
    }
    if (key.startsWith(prefix) && key !== '' && (await removeObject(dir))) count++;
    if (dir !== root) await rmdir(dir).catch(() => undefined);
  }
  await visit(startDir, relative(root, startDir).split(sep).join('/'));
  if (startDir !== root) await pruneEmptyDirs(root, resolve(startDir, '..'));
  return count;
}
