import { type Platform, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getIntelSettings, saveIntelSettings, settingsBody } from './service.ts';

export async function settingsRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intel'];
  r.get(
    '/intel/settings',
    {
      config: { permission: 'intel.view' },
      schema: { tags, summary: "The organization's intel settings", response: { 200: settingsBody } },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      return getIntelSettings(ctx.db, ctx.orgId);
    },
  );
  r.put(
    '/intel/settings',
    {
      config: { permission: 'org.edit' },
      schema: {
        tags,
        summary: 'Set the auto-accept threshold (null: review everything), publisher domains and default TLP',
        body: settingsBody,
        response: { 200: settingsBody },
      },
    },
    async (request) => saveIntelSettings(serviceContext(request, platform.db), request.body),
  );
}
