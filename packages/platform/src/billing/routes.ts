import { notFound, type Platform, recordAudit, serviceContext } from '@assay/core';
import { organizations, plans, subscriptions } from '@assay/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { email } from '../identity/contracts.ts';
import { usageSummary, usageView } from '../usage/service.ts';
import { checkoutBody, checkoutView, portalLink, startCheckout } from './checkout.ts';
import { withCountedUsage } from './counted-usage.ts';
import { invoiceRoutes } from './invoices/routes.ts';
import { balances } from './ledger/balances.ts';
import { razorpayConfigured } from './razorpay/client.ts';
import { razorpayWebhookRoute } from './razorpay/webhook.ts';
import { stripeConfigured } from './stripe/client.ts';
import { stripeWebhookRoute } from './stripe/webhook.ts';
import { GRANTING } from './subscriptions/plan.ts';
import { usageHistory, usageHistoryQuery, usageHistoryView } from './usage-history.ts';
import { rawBodies } from './webhook-scope.ts';

const subscriptionView = z.object({
  id: z.uuid(),
  plan_id: z.string(),
  provider: z.enum(['stripe', 'razorpay']),
  status: z.string(),
  currency: z.string(),
  seats: z.number(),
  current_period_end: z.string().nullable(),
  cancel_at_period_end: z.boolean(),
});

const billingView = usageView.extend({
  billing_email: z.string().nullable(),
  subscription: subscriptionView.nullable(),
  providers: z.object({
    razorpay: z.object({ configured: z.boolean(), key_id: z.string().nullable() }),
    stripe: z.object({ configured: z.boolean() }),
  }),
});

const planView = z.object({
  id: z.string(),
  name: z.string(),
  prices: z.object({ INR: z.number().optional(), USD: z.number().optional() }),
  seats: z.number(),
  rate_limit_per_minute: z.number(),
  retention_days: z.number().nullable(),
  quotas: z.record(z.string(), z.number()),
});

/** The billing account: plan, usage, payments, invoices. Owners only (the seed's matrix). */
export async function billingRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const view = async (request: Parameters<typeof serviceContext>[0]) => {
    const ctx = serviceContext(request, platform.db);
    const [org] = await ctx.db
      .select({ billingEmail: organizations.billingEmail })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    if (!org) throw notFound('Organization');
    const [sub] = await ctx.db
      .select()
      .from(subscriptions)
      .innerJoin(plans, eq(plans.id, subscriptions.planId))
      .where(and(eq(subscriptions.orgId, ctx.orgId), inArray(subscriptions.status, GRANTING)))
      .orderBy(desc(plans.rank), desc(subscriptions.currentPeriodEnd))
      .limit(1);
    const s = sub?.subscriptions;
    const summary = await usageSummary(ctx);
    const metrics = await withCountedUsage(ctx.db, ctx.orgId, summary.metrics);
    return {
      ...summary,
      metrics,
      billing_email: org.billingEmail,
      subscription: s
        ? {
            id: s.id,
            plan_id: s.planId,
            provider: s.provider,
            status: s.status,
            currency: s.currency,
            seats: s.seats,
            current_period_end: s.currentPeriodEnd?.toISOString() ?? null,
            cancel_at_period_end: s.cancelAtPeriodEnd,
          }
        : null,
      providers: {
        razorpay: {
          configured: razorpayConfigured(config),
          key_id: razorpayConfigured(config) ? (config.RAZORPAY_KEY_ID ?? null) : null,
        },
        stripe: { configured: stripeConfigured(config) },
      },
    };
  };
  r.get(
    '/billing',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: 'Plan, usage, subscription and billing contact',
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
  r.get(
    '/billing/plans',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: 'Plans with monthly prices (minor units) per currency, seats and quotas',
        response: { 200: z.object({ data: z.array(planView) }) },
      },
    },
    async () => {
      const rows = await platform.db.select().from(plans).orderBy(asc(plans.rank), asc(plans.id));
      return {
        data: rows.map((p) => ({
          id: p.id,
          name: p.name,
          prices: p.prices,
          seats: p.seats,
          rate_limit_per_minute: p.rateLimitPerMinute,
          retention_days: p.retentionDays,
          quotas: p.quotas,
        })),
      };
    },
  );
  r.post(
    '/billing/checkout',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags: ['billing'],
        summary: 'Start paying for a plan: a Razorpay order or a Stripe Checkout page',
        description:
          'The plan takes effect when the provider reports the payment captured (webhook), not before.',
        body: checkoutBody,
        response: { 201: checkoutView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startCheckout(serviceContext(request, platform.db), platform, request.body)),
  );
  r.post(
    '/billing/portal',
    {
      config: { permission: 'billing.manage' },
      schema: {
        tags: ['billing'],
        summary: "A link to Stripe's customer portal (card, cancellation)",
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (request) => portalLink(serviceContext(request, platform.db), platform),
  );
  r.get(
    '/billing/ledger',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: "Balances of the organization's ledger accounts (minor units; debits positive)",
        response: {
          200: z.object({
            data: z.array(z.object({ account: z.string(), currency: z.string(), balance: z.number() })),
          }),
        },
      },
    },
    async (request) => ({ data: await balances(platform.db, serviceContext(request, platform.db).orgId) }),
  );
  r.get(
    '/billing/usage',
    {
      config: { permission: 'usage.view' },
      schema: {
        tags: ['billing'],
        summary: 'Usage per month and per module (LLM spend included) against the plan',
        querystring: usageHistoryQuery,
        response: { 200: usageHistoryView },
      },
    },
    async (request) => usageHistory(serviceContext(request, platform.db), request.query.months),
  );
  invoiceRoutes(app, platform);
  await app.register(async (scope) => {
    rawBodies(scope);
    razorpayWebhookRoute(scope, platform);
    stripeWebhookRoute(scope, platform);
  });
}
