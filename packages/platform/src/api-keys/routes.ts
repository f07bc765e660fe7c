import { type Platform, ROLES, scopeResources, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';

const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.string()),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
});
const createBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(z.string().max(60))
      .min(1)
      .max(100)
      .describe('`resource:read` or `resource:write` (write implies read), or `*`'),
    role: z.enum(ROLES).optional(),
    expires_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export async function apiKeyRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api keys'];
  r.get(
    '/api-keys/scopes',
    {
      config: { permission: 'api_keys.view' },
      schema: {
        tags,
        summary: 'Scopes a key can carry',
        response: { 200: z.object({ data: z.array(z.string()) }) },
      },
    },
    async () => ({ data: ['*', ...scopeResources().flatMap((r) => [`${r}:read`, `${r}:write`])] }),
  );
  r.get(
    '/api-keys',
    {
      config: { permission: 'api_keys.view' },
      schema: {
        tags,
        summary: 'API keys of the organization (secrets are never shown again)',
        response: { 200: z.object({ data: z.array(apiKeyView) }) },
      },
    },
    async (request) => ({ data: await listApiKeys(serviceContext(request, platform.db)) }),
  );
  r.post(
    '/api-keys',
    {
      config: { permission: 'api_keys.manage' },
      schema: {
        tags,
        summary: 'Create a key; the secret is in this response only',
        body: createBody,
        response: { 201: apiKeyView.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiKey(serviceContext(request, platform.db), request.body)),
  );
  r.delete(
    '/api-keys/:id',
    {
      config: { permission: 'api_keys.manage' },
      schema: {
        tags,
        summary: 'Revoke a key (effective on its next request)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const row = await revokeApiKey(serviceContext(request, platform.db), request.params.id);
      await platform.bus.publish(`apikey:${row.id}`);
      return reply.code(204).send(null);
    },
  );
}
