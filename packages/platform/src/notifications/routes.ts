import { type Platform, requireUser, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PREFERENCES } from './kinds.ts';
import { preferencesOf, updatePreferences } from './preferences.ts';

const preferencesView = z.object({
  job_finished: z.boolean().describe(PREFERENCES.job_finished),
  job_failed: z.boolean().describe(PREFERENCES.job_failed),
  invitation: z.boolean().describe(PREFERENCES.invitation),
  quota_nearly_reached: z.boolean().describe(PREFERENCES.quota_nearly_reached),
});

export async function notificationRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/notifications/preferences',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Which emails you get from the current organization',
        response: { 200: preferencesView },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const ctx = serviceContext(request, platform.db);
      return preferencesOf(ctx.db, ctx.orgId, user.id);
    },
  );
  r.patch(
    '/notifications/preferences',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'Switch some of your emails on or off',
        body: preferencesView.partial().strict(),
        response: { 200: preferencesView },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return updatePreferences(serviceContext(request, platform.db), user.id, request.body);
    },
  );
}
