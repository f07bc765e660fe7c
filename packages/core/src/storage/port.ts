import type { Readable } from 'node:stream';

/** Presigned URLs live 15 minutes unless a caller asks for less. */
export const DEFAULT_URL_TTL_SECONDS = 15 * 60;

export interface StoredObject {
  key: string;
  size: number;
  contentType: string | undefined;
}

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the upload. */
  headers: Record<string, string>;
  expiresAt: Date;
}

/**
 * Object storage: S3-compatible buckets or a local folder. Both pass test/contract/storage.
 * Keys (both adapters): letters, digits, "/" and ! - _ . ' ( ) = @, at most 1024 bytes, no empty
 * segment, no segment starting with "." (so no "..") and none over 200 bytes; others get VALIDATION_ERROR.
 * A missing object is NOT_FOUND from get/getBuffer, undefined from head, and a no-op for delete.
 */
export interface ObjectStorage {
  readonly kind: 's3' | 'local';
  put(
    key: string,
    body: Buffer | Readable | string,
    options?: { contentType?: string },
  ): Promise<StoredObject>;
  get(key: string): Promise<Readable>;
  getBuffer(key: string): Promise<Buffer>;
  /** Undefined when the object does not exist. */
  head(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix`; an empty prefix is refused (VALIDATION_ERROR). */
  deletePrefix(prefix: string): Promise<number>;
  /**
   * A URL the client PUTs the body to, with `headers`. The content type is signed: another one is refused.
   * `contentLength` (exact size) is enforced by both adapters. `maxBytes` is enforced by the local
   * adapter only: an S3 presigned PUT cannot carry an upper bound, so with S3 pass `contentLength`
   * or check `head(key).size` after the upload.
   */
  presignPut(
    key: string,
    options: { contentType: string; expiresInSeconds?: number; maxBytes?: number; contentLength?: number },
  ): Promise<PresignedUpload>;
  presignGet(key: string, options?: { expiresInSeconds?: number; filename?: string }): Promise<string>;
  ping(): Promise<void>;
}
