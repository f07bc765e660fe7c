import { finished, PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors.ts';
import { attachmentDisposition } from './content-disposition.ts';
import type { LocalStorage } from './local.ts';

const keyOf = (request: FastifyRequest) => (request.params as { '*': string })['*'];

// The link itself is the credential, so these routes skip sign-in (the API's auth step reads `auth`).
const routeConfig = { auth: 'public' as const };

/** Media types compare case-insensitively, and so does whitespace around parameters. */
const normalizeType = (value: string) =>
  value
    .toLowerCase()
    .replace(/\s*;\s*/g, ';')
    .trim();

function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  if (header === undefined) return undefined;
  if (!/^\d{1,15}$/.test(header)) throw new AppError('BAD_REQUEST', 'Content-Length is not a number');
  return Number(header);
}

/**
 * Serves signed URLs of the local adapter: `GET /files/<key>` and `PUT /files/<key>`.
 * Register it at the root (the signed URLs point at `${publicBaseUrl}/files/...`). Failures are AppErrors.
 */
export function localFileRoutes(storage: LocalStorage): FastifyPluginAsync {
  return async (app) => {
    // Uploads are streamed to disk as they arrive, whatever their type: no buffering, no body limit here.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    // A presigned GET also answers HEAD (as on S3), with the headers only: the file is not read.
    app.route({
      method: ['GET', 'HEAD'],
      url: '/files/*',
      exposeHeadRoute: false,
      config: routeConfig,
      handler: async (request, reply) => {
        const key = keyOf(request);
        const grant = storage.verifyUrl('GET', key, request.query);
        const opened = request.method === 'HEAD' ? undefined : await storage.open(key);
        const object = opened?.object ?? (await storage.head(key));
        if (!object) throw notFound('Object');
        reply
          .header('content-type', object.contentType ?? 'application/octet-stream')
          .header('content-length', object.size)
          .header('cache-control', 'private, no-store')
          // Uploaded files come from users: never let one run as a page of the API's origin.
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox");
        if (grant.filename) reply.header('content-disposition', attachmentDisposition(grant.filename));
        return reply.send(opened?.stream);
      },
    });

    app.put('/files/*', { config: routeConfig }, async (request, reply) => {
      const key = keyOf(request);
      const grant = storage.verifyUrl('PUT', key, request.query);
      const sentType = request.headers['content-type'];
      if (grant.contentType && (!sentType || normalizeType(sentType) !== normalizeType(grant.contentType))) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `This upload link accepts only ${grant.contentType}`, {
          details: [{ field: 'content-type', message: `expected ${grant.contentType}` }],
        });
      }
      const declared = declaredLength(request);
      // Refused before reading a byte; the connection is closed rather than drained.
      if (declared !== undefined && grant.maxBytes !== undefined && declared > grant.maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `The upload is larger than the allowed ${grant.maxBytes} bytes`,
          {
            headers: { connection: 'close' },
          },
        );
      }
      if (declared !== undefined && grant.contentLength !== undefined && declared !== grant.contentLength) {
        throw new AppError('BAD_REQUEST', `The upload must be exactly ${grant.contentLength} bytes`, {
          headers: { connection: 'close' },
        });
      }
      // A pass-through between the socket and the file: when the body is refused midway only this
      // is destroyed, and the request stays open long enough to carry the error response.
      const body = new PassThrough();
      const source = (request.body as Readable | undefined) ?? Readable.from([]);
      // pipe() does not pass on a client that vanishes midway; without this the write would wait forever.
      finished(source, (error) => {
        if (error) body.destroy(new AppError('BAD_REQUEST', 'The upload was interrupted', { cause: error }));
      });
      source.pipe(body);
      try {
        const object = await storage.put(key, body, {
          contentType: grant.contentType,
          maxBytes: grant.maxBytes,
          contentLength: grant.contentLength,
        });
        return reply
          .code(200)
          .send({ key: object.key, size: object.size, content_type: object.contentType ?? null });
      } catch (error) {
        reply.header('connection', 'close');
        throw error;
      }
    });
  };
}
