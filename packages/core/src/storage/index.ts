import { createLocalStorage, type LocalStorage, type LocalStorageOptions } from './local.ts';
import { createS3Storage, type S3Storage, type S3StorageOptions } from './s3.ts';

export { attachmentDisposition } from './content-disposition.ts';
export { createLocalStorage, type LocalStorage, type LocalStorageOptions } from './local.ts';
export { localFileRoutes } from './local-http.ts';
export {
  DEFAULT_URL_TTL_SECONDS,
  type ObjectStorage,
  type PresignedUpload,
  type StoredObject,
} from './port.ts';
export { createS3Storage, type S3Storage, type S3StorageOptions } from './s3.ts';
export { assertUploaded } from './uploaded.ts';
export type { UrlGrant } from './url-signer.ts';
export {
  assertValidContentType,
  assertValidFilename,
  assertValidKey,
  assertValidPrefix,
  MAX_KEY_BYTES,
  MAX_URL_TTL_SECONDS,
} from './validation.ts';

export type StorageConfig = ({ kind: 'local' } & LocalStorageOptions) | ({ kind: 's3' } & S3StorageOptions);

/** The adapter for `config.kind`; narrow on `.kind === 'local'` to mount `localFileRoutes`. */
export function createStorage(config: StorageConfig): LocalStorage | S3Storage {
  if (config.kind === 'local') {
    const { kind: _kind, ...options } = config;
    return createLocalStorage(options);
  }
  const { kind: _kind, ...options } = config;
  return createS3Storage(options);
}
