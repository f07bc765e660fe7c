import { AppError, type Platform, recordAudit, type ServiceContext } from '@assay/core';
import {
  type Currency,
  memberships,
  organizations,
  payments,
  plans,
  subscriptions,
  users,
  uuidv7,
} from '@assay/db';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { createRazorpayOrder, razorpayConfigured } from './razorpay/client.ts';
import { stripeClient, stripeConfigured, stripeFailure, stripePriceId } from './stripe/client.ts';

export const checkoutBody = z
  .object({
    plan_id: z.string().min(1).max(50),
    currency: z.enum(['INR', 'USD']),
    provider: z.enum(['razorpay', 'stripe']),
  })
  .strict();

export const checkoutView = z.object({
  provider: z.enum(['razorpay', 'stripe']),
  plan_id: z.string(),
  amount: z.number(),
  currency: z.enum(['INR', 'USD']),
  /** Razorpay: open its checkout with these. */
  order_id: z.string().nullable(),
  key_id: z.string().nullable(),
  payment_id: z.string().nullable(),
  /** Stripe: send the browser to this hosted page. */
  checkout_url: z.string().nullable(),
});

async function pricedPlan(ctx: ServiceContext, planId: string, currency: Currency) {
  const [plan] = await ctx.db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new AppError('NOT_FOUND', 'Plan not found');
  const amount = plan.prices[currency];
  if (!amount)
    throw new AppError('VALIDATION_ERROR', `The ${plan.name} plan is not sold in ${currency}`, {
      details: [{ field: 'body.currency', message: `no ${currency} price` }],
    });
  return { plan, amount };
}

/** Starts a payment for a plan: a Razorpay order for its checkout, or a hosted Stripe Checkout page. */
export async function startCheckout(
  ctx: ServiceContext,
  platform: Platform,
  input: z.infer<typeof checkoutBody>,
): Promise<z.infer<typeof checkoutView>> {
  const { config } = platform;
  const configured = input.provider === 'razorpay' ? razorpayConfigured(config) : stripeConfigured(config);
  if (!configured)
    throw new AppError('CONFLICT', `${input.provider} payments are not configured on this server`);
  const { plan, amount } = await pricedPlan(ctx, input.plan_id, input.currency);
  const base = {
    provider: input.provider,
    plan_id: plan.id,
    amount,
    currency: input.currency,
    order_id: null,
    key_id: null,
    payment_id: null,
    checkout_url: null,
  };
  if (input.provider === 'razorpay') {
    const paymentId = uuidv7();
    const order = await createRazorpayOrder(config, {
      amount,
      currency: input.currency,
      receipt: paymentId,
      notes: { org_id: ctx.orgId, plan_id: plan.id, payment_id: paymentId },
    });
    await ctx.db.transaction(async (tx) => {
      await tx.insert(payments).values({
        id: paymentId,
        orgId: ctx.orgId,
        provider: 'razorpay',
        providerOrderId: order.id,
        planId: plan.id,
        seats: plan.seats,
        amount: order.amount,
        currency: input.currency,
        status: 'created',
        createdBy: ctx.actor.id,
      });
      await recordAudit(tx, ctx, {
        action: 'billing.checkout_started',
        targetType: 'payment',
        targetId: paymentId,
        after: { provider: 'razorpay', order_id: order.id, plan: plan.id, amount, currency: input.currency },
      });
    });
    return { ...base, order_id: order.id, key_id: config.RAZORPAY_KEY_ID ?? null, payment_id: paymentId };
  }
  const stripe = stripeClient(config);
  const customer = await stripeCustomerOf(ctx);
  const email = customer ? undefined : await billingEmailOf(ctx);
  const price = stripePriceId(config, plan.id, input.currency);
  const session = await stripe.checkout.sessions
    .create({
      mode: 'subscription',
      client_reference_id: ctx.orgId,
      ...(customer ? { customer } : email ? { customer_email: email } : {}),
      line_items: [
        price
          ? { price, quantity: 1 }
          : {
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: amount,
                recurring: { interval: 'month' },
                product_data: { name: `Assay ${plan.name}` },
              },
            },
      ],
      metadata: { org_id: ctx.orgId, plan_id: plan.id },
      subscription_data: { metadata: { org_id: ctx.orgId, plan_id: plan.id } },
      success_url: `${config.publicWebUrl}/billing?checkout=success`,
      cancel_url: `${config.publicWebUrl}/billing?checkout=canceled`,
    })
    .catch(stripeFailure);
  if (!session.url) throw new AppError('SERVICE_UNAVAILABLE', 'Stripe did not return a checkout page');
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'billing.checkout_started',
      targetType: 'organization',
      targetId: ctx.orgId,
      after: { provider: 'stripe', session_id: session.id, plan: plan.id, amount, currency: input.currency },
    }),
  );
  return { ...base, checkout_url: session.url };
}

/** The Stripe customer of the organization's latest Stripe subscription, if any. */
export async function stripeCustomerOf(ctx: ServiceContext): Promise<string | null> {
  const [row] = await ctx.db
    .select({ customer: subscriptions.providerCustomerId })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.orgId, ctx.orgId),
        eq(subscriptions.provider, 'stripe'),
        isNotNull(subscriptions.providerCustomerId),
      ),
    )
    .orderBy(desc(subscriptions.createdAt))
    .limit(1);
  return row?.customer ?? null;
}

async function billingEmailOf(ctx: ServiceContext): Promise<string | undefined> {
  const [org] = await ctx.db
    .select({ email: organizations.billingEmail })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  if (org?.email) return org.email;
  const [owner] = await ctx.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.role, 'owner')))
    .limit(1);
  return owner?.email;
}

/** A Stripe customer-portal link (change card, cancel) for organizations that paid through Stripe. */
export async function portalLink(ctx: ServiceContext, platform: Platform): Promise<{ url: string }> {
  if (!stripeConfigured(platform.config))
    throw new AppError('CONFLICT', 'stripe payments are not configured on this server');
  const customer = await stripeCustomerOf(ctx);
  if (!customer) throw new AppError('CONFLICT', 'This organization has no Stripe subscription yet');
  const session = await stripeClient(platform.config)
    .billingPortal.sessions.create({ customer, return_url: `${platform.config.publicWebUrl}/billing` })
    .catch(stripeFailure);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'billing.portal_opened',
      targetType: 'organization',
      targetId: ctx.orgId,
    }),
  );
  return { url: session.url };
}
