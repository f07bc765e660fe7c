import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance, publicApiUrl: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: '1.0.0',
        description:
          'Errors use one envelope: `{"error": {"code", "message", "details": [{field, message}], "trace_id"}}`. ' +
          'Lists are cursor-paginated with `page[size]` and `page[cursor]`. Every response to an authenticated call ' +
          'carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.',
      },
      servers: [{ url: publicApiUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A session token, an IdP JWT, or an API key',
          },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          session: { type: 'apiKey', in: 'cookie', name: 'assay_session' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get(
    '/v1/openapi.json',
    { config: { auth: 'public', rateLimit: false }, schema: { hide: true } },
    async () => app.swagger(),
  );
}

export async function registerDocsPage(app: FastifyInstance) {
  const { default: scalar } = await import('@scalar/fastify-api-reference');
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), auth: 'public', rateLimit: false } as never;
    });
    await scope.register(scalar, { routePrefix: '/docs', configuration: { url: '/v1/openapi.json' } });
  });
}
