import {
  aiSettingsInput,
  currentPeriod,
  getAiSettings,
  llmUsageSummary,
  type Platform,
  recordAudit,
  saveAiSettings,
  serviceContext,
} from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const totals = z.object({
  calls: z.number(),
  errors: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costMicros: z.number(),
});
const usageView = z.object({
  from: z.string(),
  to: z.string(),
  totals,
  groups: z.array(totals.extend({ provider: z.string(), model: z.string(), module: z.string() })),
});
const settingsView = z.object({
  model: z.string().nullable(),
  engines: z.record(z.string(), z.enum(['llm', 'baseline'])),
  providers: z.array(z.string()).describe('Providers configured on this installation'),
  available: z.boolean().describe('Whether an LLM can be called now (configured and its circuit closed)'),
});

/** AI settings per organization and LLM spend, for admins. */
export async function aiRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ai'];
  const view = async (orgId: string) => ({
    ...(await getAiSettings(platform.db, orgId)),
    providers: platform.ai.providers,
    available: platform.ai.available(),
  });
  r.get(
    '/ai/settings',
    {
      config: { permission: 'org.view' },
      schema: {
        tags,
        summary: "The organization's model and engine choices",
        response: { 200: settingsView },
      },
    },
    async (request) => view(serviceContext(request, platform.db).orgId),
  );
  r.put(
    '/ai/settings',
    {
      config: { permission: 'org.edit' },
      schema: {
        tags,
        summary: 'Choose the model and, per module, llm or baseline',
        body: aiSettingsInput.strict(),
        response: { 200: settingsView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await ctx.db.transaction(async (tx) => {
        const before = await getAiSettings(tx, ctx.orgId);
        await saveAiSettings(tx, ctx.orgId, request.body);
        await recordAudit(tx, ctx, {
          action: 'ai.settings_update',
          targetType: 'organization',
          targetId: ctx.orgId,
          before: { ...before },
          after: { ...request.body },
        });
      });
      return view(ctx.orgId);
    },
  );
  r.get(
    '/ai/usage',
    {
      config: { permission: 'usage.view' },
      schema: {
        tags,
        summary: 'LLM calls, tokens and cost (USD millionths) per provider, model and module',
        querystring: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: usageView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const period = currentPeriod();
      const summary = await llmUsageSummary(ctx.db, ctx.orgId, {
        from: request.query.from ? new Date(request.query.from) : period.start,
        to: request.query.to ? new Date(request.query.to) : period.end,
      });
      return { ...summary, from: summary.from.toISOString(), to: summary.to.toISOString() };
    },
  );
}
