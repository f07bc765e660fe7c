import { type Platform, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { usageSummary, usageView } from './service.ts';

export async function usageRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/usage',
    {
      config: { permission: 'usage.view' },
      schema: {
        tags: ['usage'],
        summary: "This month's usage against the plan's quotas",
        response: { 200: usageView },
      },
    },
    async (request) => usageSummary(serviceContext(request, platform.db)),
  );
}
