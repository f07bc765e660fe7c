import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { type AppError, isAppError } from '../../src/errors.ts';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.ts';
import { localFileRoutes } from '../../src/storage/local-http.ts';

export const SIGNING_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export async function tempDir(label: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `assay-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** The API's error envelope, as its central handler writes it. */
function sendEnvelope(app: FastifyInstance) {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const known: AppError | undefined = isAppError(error) ? error : undefined;
    const status = known?.status ?? (error.statusCode && error.statusCode < 500 ? error.statusCode : 500);
    if (known?.headers) reply.headers(known.headers);
    const code =
      known?.code ??
      (status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR');
    const message = status >= 500 && !known ? 'Internal error' : error.message;
    return reply
      .status(status)
      .send({ error: { code, message, details: known?.details ?? [], trace_id: String(request.id) } });
  });
}

export interface LocalFileServer {
  baseUrl: string;
  rootDir: string;
  /** A storage as the API builds it, with the server's public URL. */
  storage(clock?: () => Date): LocalStorage;
  close(): Promise<void>;
}

/** A Fastify server on 127.0.0.1 (random port) that serves `localFileRoutes` over a temp folder. */
export async function startLocalFileServer(): Promise<LocalFileServer> {
  const dir = await tempDir('files');
  const rootDir = join(dir.path, 'root');
  const app = Fastify({ logger: false });
  sendEnvelope(app);
  // The routes only verify and stream, so the server-side instance needs no public URL of its own.
  const served = createLocalStorage({
    rootDir,
    publicBaseUrl: 'http://unused.invalid',
    signingSecret: SIGNING_SECRET,
  });
  await app.register(localFileRoutes(served));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    rootDir,
    storage: (clock) =>
      createLocalStorage({ rootDir, publicBaseUrl: baseUrl, signingSecret: SIGNING_SECRET, clock }),
    async close() {
      await app.close();
      await dir.remove();
    },
  };
}

interface S3rverInstance {
  middleware: ((ctx: { path: string }, next: () => Promise<void>) => Promise<void>)[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const require = createRequire(import.meta.url);
const requestPath = new AsyncLocalStorage<string>();
let patched = false;

/**
 * @20minutes/s3rver verifies SigV4 (plain s3rver 3.x accepts any v4 signature, so forged URLs would
 * pass), with two slips in how it rebuilds the signed request, fixed here as S3 itself does it:
 * it loses the trailing "/" of bucket-level requests ("/bucket/?list-type=2"), and it leaves
 * ! ' ( ) * unescaped in the query (RFC 3986 escapes them; `filename*=UTF-8''...` has two).
 */
function patchSignatureCanonicalization() {
  if (patched) return;
  patched = true;
  const v4 = require('@20minutes/s3rver/lib/signature/v4.js') as {
    getStringToSign: (r: any, s: any) => string;
  };
  const original = v4.getStringToSign;
  const percentEscape = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
  v4.getStringToSign = (canonical, request) => {
    const path = requestPath.getStore();
    const uri = path?.endsWith('/') && !canonical.uri.endsWith('/') ? `${canonical.uri}/` : canonical.uri;
    const querystring = canonical.querystring.replace(/[!'()*]/g, percentEscape);
    return original({ ...canonical, uri, querystring }, request);
  };
}

export interface S3Server {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

/** An S3-compatible server on 127.0.0.1 (random port) over a temp folder, with one empty bucket. */
export async function startS3Server(): Promise<S3Server> {
  patchSignatureCanonicalization();
  const S3rver = require('@20minutes/s3rver') as S3rverClass;
  const dir = await tempDir('s3');
  const bucket = 'assay-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir.path,
    configureBuckets: [{ name: bucket }],
  });
  server.middleware.unshift((ctx, next) => requestPath.run(ctx.path, next));
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async close() {
      await server.close();
      await dir.remove();
    },
  };
}
