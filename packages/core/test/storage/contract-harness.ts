import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ObjectStorage } from '../../src/storage/port.ts';
import { createS3Storage } from '../../src/storage/s3.ts';
import { startLocalFileServer, startS3Server } from './servers.ts';

/** One adapter under test: `storage` signs with the real clock, `pastStorage` one hour ago. */
export interface Harness {
  storage: ObjectStorage;
  pastStorage: ObjectStorage;
  enforcesMaxBytes: boolean;
  close(): Promise<void>;
}

const anHourAgo = () => new Date(Date.now() - 60 * 60 * 1000);

export const adapters: { name: string; start: () => Promise<Harness> }[] = [
  {
    name: 'local',
    async start() {
      const server = await startLocalFileServer();
      return {
        storage: server.storage(),
        pastStorage: server.storage(anHourAgo),
        enforcesMaxBytes: true,
        close: server.close,
      };
    },
  },
  {
    name: 's3',
    async start() {
      const server = await startS3Server();
      const options = { ...server, forcePathStyle: true };
      const storage = createS3Storage(options);
      const pastStorage = createS3Storage({ ...options, clock: anHourAgo });
      return {
        storage,
        pastStorage,
        enforcesMaxBytes: false,
        async close() {
          storage.client.destroy();
          pastStorage.client.destroy();
          await server.close();
        },
      };
    },
  },
];

/** Every byte value, then random bytes: any text decoding or newline mangling shows. */
export const binary = (size: number) =>
  Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(size)]);

export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Splits `data` into uneven chunks, the way a network upload arrives. */
export const chunked = (data: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 65_521) yield data.subarray(i, i + 65_521);
    })(),
  );
