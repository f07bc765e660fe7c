import { notFound, type Platform, recordAudit, serviceContext } from '@assay/core';
import { organizations } from '@assay/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { email } from '../identity/contracts.ts';
import { usageSummary, usageView } from '../usage/service.ts';

const billingView = usageView.extend({ billing_email: z.string().nullable() });

/** The billing account: plan, usage and contact. Owners only (the seed's matrix). Payments arrive with the billing module. */
export async function billingRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (request: Parameters<typeof serviceContext>[0]) => {
    const ctx = serviceContext(request, platform.db);
    const [org] = await ctx.db
      .select({ billingEmail: organizations.billingEmail })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    if (!org) throw notFound('Organization');
    return { ...(await usageSummary(ctx)), billing_email: org.billingEmail };
  };
  r.get(
    '/billing',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: 'Plan, usage and billing contact',
        response: { 200: billingView },
      },
    },
    async (request) => view(request),
  );
  r.patch(
    '/billing',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags: ['billing'],
        summary: 'Set the billing contact',
        body: z.object({ billing_email: email }).strict(),
        response: { 200: billingView },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      await ctx.db.transaction(async (tx) => {
        const [before] = await tx
          .select({ billingEmail: organizations.billingEmail })
          .from(organizations)
          .where(eq(organizations.id, ctx.orgId))
          .for('update');
        await tx
          .update(organizations)
          .set({ billingEmail: request.body.billing_email })
          .where(eq(organizations.id, ctx.orgId));
        await recordAudit(tx, ctx, {
          action: 'billing.update',
          targetType: 'organization',
          targetId: ctx.orgId,
          before: { billing_email: before?.billingEmail ?? null },
          after: { billing_email: request.body.billing_email },
        });
      });
      return view(request);
    },
  );
}
