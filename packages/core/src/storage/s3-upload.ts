import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';

/** S3 wants parts of at least 5 MiB (but the last); 8 MiB keeps memory bounded and allows 80 GB in 10,000 parts. */
export const PART_SIZE = 8 * 1024 * 1024;

/** Cuts a stream of unknown length into `size`-byte buffers (the last may be shorter). */
async function* chunksOf(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    pending.push(buffer);
    length += buffer.length;
    while (length >= size) {
      const joined = Buffer.concat(pending, length);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      length -= size;
    }
  }
  if (length > 0) yield Buffer.concat(pending, length);
}

interface Target {
  client: S3Client;
  bucket: string;
  key: string;
  contentType: string | undefined;
}

/**
 * Uploads a stream of unknown length: one PutObject when it fits in a part, a multipart upload
 * otherwise (aborted on failure, so no parts are left billed in the bucket). Returns the size.
 */
export async function uploadStream(target: Target, stream: Readable): Promise<number> {
  const { client, bucket: Bucket, key: Key, contentType: ContentType } = target;
  const parts = chunksOf(stream, PART_SIZE);
  try {
    const first = await parts.next();
    const second = first.done ? first : await parts.next();
    if (second.done) {
      const body = first.done ? Buffer.alloc(0) : first.value;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentType }));
      return body.length;
    }
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType }));
    try {
      const done: { ETag: string | undefined; PartNumber: number }[] = [];
      let size = 0;
      const send = async (body: Buffer) => {
        const PartNumber = done.length + 1;
        const { ETag } = await client.send(
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body }),
        );
        done.push({ ETag, PartNumber });
        size += body.length;
      };
      await send(first.value as Buffer);
      await send(second.value);
      for await (const body of parts) await send(body);
      await client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }),
      );
      return size;
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
