import { constants } from 'node:fs';
import { access, mkdir, open as openFile, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, notFound } from '../errors.ts';
import {
  type ByteLimits,
  DATA_FILE,
  isMissing,
  META_FILE,
  type ObjectMeta,
  objectDir,
  pruneEmptyDirs,
  removeByPrefix,
  removeObject,
  toReadable,
  writeObject,
} from './local-files.ts';
import type { ObjectStorage, PresignedUpload, StoredObject } from './port.ts';
import { createUrlSigner, type UrlGrant } from './url-signer.ts';
import {
  assertValidByteCount,
  assertValidContentType,
  assertValidFilename,
  assertValidKey,
  assertValidPrefix,
  resolveTtlSeconds,
} from './validation.ts';

export interface LocalStorageOptions {
  /** Folder that holds the objects; created when missing. */
  rootDir: string;
  /** Origin (and optional path) where the API serves `localFileRoutes`, e.g. `http://localhost:8000`. */
  publicBaseUrl: string;
  /** At least 32 characters; the app secret will do, a key is derived from it. */
  signingSecret: string;
  /** Time source for signing and checking URLs (tests move it). */
  clock?: () => Date;
}

export interface LocalStorage extends ObjectStorage {
  readonly kind: 'local';
  readonly rootDir: string;
  /** `maxBytes` / `contentLength` bound the body: PAYLOAD_TOO_LARGE or BAD_REQUEST, and nothing is stored. */
  put(
    key: string,
    body: Buffer | Readable | string,
    options?: { contentType?: string; maxBytes?: number; contentLength?: number },
  ): Promise<StoredObject>;
  /** Opens the object once, so the size and the bytes streamed always belong together. */
  open(key: string): Promise<{ object: StoredObject; stream: Readable }>;
  /** The grant of a signed URL; throws FORBIDDEN when it is forged, altered or expired. */
  verifyUrl(method: 'GET' | 'PUT', key: string, query: unknown): UrlGrant;
}

async function readMeta(dir: string): Promise<ObjectMeta> {
  try {
    return JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as ObjectMeta;
  } catch (error) {
    if (isMissing(error) || error instanceof SyntaxError) return {};
    throw error;
  }
}

export function createLocalStorage(options: LocalStorageOptions): LocalStorage {
  const root = resolve(options.rootDir);
  const clock = options.clock ?? (() => new Date());
  const signer = createUrlSigner({
    secret: options.signingSecret,
    publicBaseUrl: options.publicBaseUrl,
    clock,
  });
  const dirOf = (key: string) => objectDir(root, assertValidKey(key));
  const expiry = (expiresInSeconds: number | undefined) =>
    Math.floor(clock().getTime() / 1000) + resolveTtlSeconds(expiresInSeconds);

  async function open(key: string): Promise<{ object: StoredObject; stream: Readable }> {
    const dir = dirOf(key);
    const handle = await openFile(join(dir, DATA_FILE), 'r').catch((error) => {
      throw isMissing(error) ? notFound('Object') : error;
    });
    try {
      const { size } = await handle.stat();
      const { contentType } = await readMeta(dir);
      return { object: { key, size, contentType }, stream: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  return {
    kind: 'local',
    rootDir: root,

    async put(key, body, opts = {}) {
      const dir = dirOf(key);
      const meta: ObjectMeta = {};
      if (opts.contentType !== undefined) meta.contentType = assertValidContentType(opts.contentType);
      const limits: ByteLimits = {};
      if (opts.maxBytes !== undefined) limits.maxBytes = assertValidByteCount(opts.maxBytes, 'maxBytes');
      if (opts.contentLength !== undefined)
        limits.exactBytes = assertValidByteCount(opts.contentLength, 'contentLength');
      try {
        const size = await writeObject(dir, toReadable(body), meta, limits);
        return { key, size, contentType: meta.contentType };
      } catch (error) {
        await pruneEmptyDirs(root, dir);
        throw error;
      }
    },

    open,

    async get(key) {
      return (await open(key)).stream;
    },

    async getBuffer(key) {
      try {
        return await readFile(join(dirOf(key), DATA_FILE));
      } catch (error) {
        if (isMissing(error)) throw notFound('Object');
        throw error;
      }
    },

    async head(key) {
      const dir = dirOf(key);
      try {
        const { size } = await stat(join(dir, DATA_FILE));
        return { key, size, contentType: (await readMeta(dir)).contentType };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      const dir = dirOf(key);
      await removeObject(dir);
      await pruneEmptyDirs(root, dir);
    },

    async deletePrefix(prefix) {
      return removeByPrefix(root, assertValidPrefix(prefix));
    },

    async presignPut(key, opts): Promise<PresignedUpload> {
      assertValidKey(key);
      const grant: UrlGrant = {
        method: 'PUT',
        key,
        expiresAt: expiry(opts.expiresInSeconds),
        contentType: assertValidContentType(opts.contentType),
      };
      if (opts.maxBytes !== undefined) grant.maxBytes = assertValidByteCount(opts.maxBytes, 'maxBytes');
      if (opts.contentLength !== undefined) {
        grant.contentLength = assertValidByteCount(opts.contentLength, 'contentLength');
      }
      return {
        url: signer.url(grant),
        method: 'PUT',
        headers: { 'Content-Type': opts.contentType },
        expiresAt: new Date(grant.expiresAt * 1000),
      };
    },

    async presignGet(key, opts = {}) {
      assertValidKey(key);
      const grant: UrlGrant = { method: 'GET', key, expiresAt: expiry(opts.expiresInSeconds) };
      if (opts.filename !== undefined) grant.filename = assertValidFilename(opts.filename);
      return signer.url(grant);
    },

    verifyUrl(method, key, query) {
      return signer.verify(method, assertValidKey(key), query);
    },

    async ping() {
      try {
        await mkdir(root, { recursive: true });
        await access(root, constants.R_OK | constants.W_OK);
      } catch (error) {
        throw new AppError('SERVICE_UNAVAILABLE', 'Local file storage is not writable', { cause: error });
      }
    },
  };
}
