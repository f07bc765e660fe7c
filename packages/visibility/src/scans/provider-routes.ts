import { type Platform, supportsWebSearch } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONFIGURE_PROVIDER_HELP } from './providers.ts';

const providersView = z.object({
  configured: z.boolean().describe('False: scans cannot run; answers can still be imported'),
  providers: z.array(
    z.object({
      name: z.string().describe('The provider half of model addresses (`name:model`)'),
      web_search: z.boolean().describe('Whether model sets may turn web search on for it'),
      available: z.boolean().describe('False while its circuit breaker is open after repeated failures'),
    }),
  ),
  default_model: z.string().nullable(),
  help: z.string().nullable().describe('How to configure a provider, when none is'),
});

/** What the scan setup screen needs to know about the deployment's LLM providers. */
export async function providerRoutes(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/visibility/providers',
    {
      config: { permission: 'model_sets.view' },
      schema: {
        tags: ['visibility'],
        summary: 'LLM providers scans can use here, and whether each can search the web',
        response: { 200: providersView },
      },
    },
    async () => {
      const providers = platform.ai.providers;
      return {
        configured: providers.length > 0,
        providers: providers.map((name) => ({
          name,
          web_search: supportsWebSearch(name),
          available: platform.ai.available(`${name}:probe`),
        })),
        default_model: platform.config.ai.defaultModel ?? null,
        help: providers.length > 0 ? null : CONFIGURE_PROVIDER_HELP,
      };
    },
  );
}
