import { randomBytes } from 'node:crypto';
import { AppError, type ErrorCode, type ErrorDetail } from '@assay/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

function envelope(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
  extra = {},
) {
  return { error: { code, message, details, trace_id: request.traceId, ...extra } };
}

/** Zod issue paths become `body.email`, `querystring.page[size]`, `params.id`. */
function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue: any) => {
    const path = (issue.params?.issue?.path ??
      issue.instancePath?.split('/').filter(Boolean) ??
      []) as unknown[];
    return { field: [where, ...path.map(String)].join('.'), message: issue.message ?? 'invalid' };
  });
}

const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION_ERROR', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['VALIDATION_ERROR', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', 'Content-Length does not match the body'],
  FST_ERR_CTP_INVALID_CHARSET: ['UNSUPPORTED_MEDIA_TYPE', 'Use UTF-8'],
};

/** Every failure leaves in the same envelope; unknown failures say nothing beyond their trace id. */
export function registerErrorHandling(
  app: FastifyInstance,
  report?: (error: unknown, request: FastifyRequest) => void,
) {
  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply
        .code(error.status)
        .send(envelope(request, error.code, error.message, error.details, error.extra));
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return reply
        .code(422)
        .send(envelope(request, 'VALIDATION_ERROR', 'The request is not valid', validationDetails(error)));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      const status = known[0] === 'VALIDATION_ERROR' ? 422 : (error.statusCode ?? 400);
      return reply.code(status).send(envelope(request, known[0], known[1]));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Other client errors Fastify raises (bad URL encoding, malformed headers): say so, no internals.
      const code: ErrorCode =
        error.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : error.statusCode === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'BAD_REQUEST';
      return reply.code(error.statusCode).send(envelope(request, code, 'The request could not be read'));
    }
    request.log.error({ err: error }, 'unhandled error');
    report?.(error, request);
    return reply.code(500).send(envelope(request, 'INTERNAL_ERROR', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(envelope(request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/** Errors the router raises before any hook runs (bad URL encoding, over-long parameters). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.traceId ||= randomBytes(16).toString('hex');
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return reply
    .code(tooLong ? 414 : 400)
    .send(
      envelope(
        request,
        'BAD_REQUEST',
        tooLong ? 'A path parameter is too long' : 'The URL could not be read',
      ),
    );
}
