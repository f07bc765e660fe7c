import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AppError, notFound } from '../errors.ts';
import { attachmentDisposition } from './content-disposition.ts';
import type { ObjectStorage } from './port.ts';
import { uploadStream } from './s3-upload.ts';
import {
  assertValidByteCount,
  assertValidContentType,
  assertValidFilename,
  assertValidKey,
  assertValidPrefix,
  resolveTtlSeconds,
} from './validation.ts';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, ...); AWS when omitted. */
  endpoint?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`; most self-hosted services need it. */
  forcePathStyle?: boolean;
  /** Both or neither; neither uses the SDK's default chain (environment, instance role, ...). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The endpoint browsers reach, when it differs from `endpoint` (e.g. `http://minio:9000` inside Docker). */
  publicEndpoint?: string;
  /** Time source for presigning (tests move it). */
  clock?: () => Date;
}

export interface S3Storage extends ObjectStorage {
  readonly kind: 's3';
  readonly client: S3Client;
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name !== 'NoSuchBucket' && (e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404);
};

export function createS3Storage(options: S3StorageOptions): S3Storage {
  if (Boolean(options.accessKeyId) !== Boolean(options.secretAccessKey)) {
    throw new Error('S3 storage needs both accessKeyId and secretAccessKey, or neither');
  }
  const Bucket = options.bucket;
  const clock = options.clock ?? (() => new Date());
  const base: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle ?? false,
    // Checksums only where S3 demands them: the default signs a checksum of an empty body into
    // presigned PUT URLs, and many S3-compatible servers reject the trailer-checksum encoding.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  if (options.accessKeyId && options.secretAccessKey) {
    base.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  }
  const client = new S3Client({ ...base, endpoint: options.endpoint });
  // The host is part of the signature, so URLs for browsers are signed for the host they will call.
  const presigner = options.publicEndpoint
    ? new S3Client({ ...base, endpoint: options.publicEndpoint })
    : client;

  async function getObject(key: string) {
    try {
      return await client.send(new GetObjectCommand({ Bucket, Key: assertValidKey(key) }));
    } catch (error) {
      if (isNotFound(error)) throw notFound('Object');
      throw error;
    }
  }

  return {
    kind: 's3',
    client,

    async put(key, body, opts = {}) {
      assertValidKey(key);
      const ContentType =
        opts.contentType === undefined ? undefined : assertValidContentType(opts.contentType);
      if (body instanceof Readable) {
        const size = await uploadStream({ client, bucket: Bucket, key, contentType: ContentType }, body);
        return { key, size, contentType: ContentType };
      }
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType }));
      return { key, size: bytes.length, contentType: ContentType };
    },

    async get(key) {
      return (await getObject(key)).Body as Readable;
    },

    async getBuffer(key) {
      const { Body } = await getObject(key);
      return Buffer.from(await Body!.transformToByteArray());
    },

    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: assertValidKey(key) }));
        return { key, size: out.ContentLength ?? 0, contentType: out.ContentType };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertValidKey(key) }));
    },

    async deletePrefix(prefix) {
      const Prefix = assertValidPrefix(prefix);
      let deleted = 0;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
        const Objects = (page.Contents ?? []).map((object) => ({ Key: object.Key! }));
        if (Objects.length > 0) {
          const out = await client.send(
            new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: false } }),
          );
          if (out.Errors?.length) {
            const first = out.Errors[0];
            throw new Error(
              `S3 could not delete ${out.Errors.length} object(s), e.g. ${first.Key}: ${first.Code}`,
            );
          }
          deleted += out.Deleted?.length ?? 0;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return deleted;
    },

    async presignPut(key, opts) {
      assertValidKey(key);
      const expiresIn = resolveTtlSeconds(opts.expiresInSeconds);
      const ContentType = assertValidContentType(opts.contentType);
      if (opts.maxBytes !== undefined) assertValidByteCount(opts.maxBytes, 'maxBytes');
      const signed = new Set(['content-type']);
      let ContentLength: number | undefined;
      if (opts.contentLength !== undefined) {
        ContentLength = assertValidByteCount(opts.contentLength, 'contentLength');
        signed.add('content-length');
      }
      const signingDate = clock();
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType, ContentLength });
      const url = await getSignedUrl(presigner, command, { expiresIn, signingDate, signableHeaders: signed });
      return {
        url,
        method: 'PUT',
        headers: { 'Content-Type': ContentType },
        expiresAt: new Date(Math.floor(signingDate.getTime() / 1000) * 1000 + expiresIn * 1000),
      };
    },

    async presignGet(key, opts = {}) {
      assertValidKey(key);
      const expiresIn = resolveTtlSeconds(opts.expiresInSeconds);
      const ResponseContentDisposition =
        opts.filename === undefined ? undefined : attachmentDisposition(assertValidFilename(opts.filename));
      const command = new GetObjectCommand({ Bucket, Key: key, ResponseContentDisposition });
      return getSignedUrl(presigner, command, { expiresIn, signingDate: clock() });
    },

    async ping() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw new AppError('SERVICE_UNAVAILABLE', `Object storage bucket "${Bucket}" is not reachable`, {
          cause: error,
        });
      }
    },
  };
}
