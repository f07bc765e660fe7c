import { AppError, type Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type Stripe from 'stripe';
import { processProviderEvent } from '../process-event.ts';
import { webhookAnswer } from '../webhook-scope.ts';
import { stripeClient, stripeFailure } from './client.ts';
import { applyStripeEvent, prefetchFor } from './events.ts';

export function stripeWebhookRoute(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/webhooks/stripe',
    {
      config: { auth: 'public', rateLimit: 'webhook' },
      schema: {
        tags: ['billing'],
        summary: 'Stripe webhook (authenticated by Stripe-Signature)',
        description:
          'Verified with the Stripe SDK over the raw body, signed timestamps older than the tolerance refused. Objects are re-read from Stripe, so events apply in any order.',
        response: { 200: webhookAnswer },
      },
    },
    async (request) => {
      const { config } = platform;
      if (!config.STRIPE_WEBHOOK_SECRET || !config.STRIPE_SECRET_KEY)
        throw new AppError('SERVICE_UNAVAILABLE', 'Stripe payments are not configured');
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0) throw new AppError('BAD_REQUEST', 'The body is empty');
      const header = request.headers['stripe-signature'];
      if (typeof header !== 'string')
        throw new AppError('BAD_REQUEST', 'The Stripe-Signature header is missing');
      const stripe = stripeClient(config);
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          raw,
          header,
          config.STRIPE_WEBHOOK_SECRET,
          config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch {
        throw new AppError('BAD_REQUEST', 'The webhook signature does not match or is too old');
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data?.object)
        throw new AppError('BAD_REQUEST', 'Not a Stripe event this API understands');
      const pre = await prefetchFor(stripe, event).catch(stripeFailure);
      const result = await processProviderEvent(
        platform,
        { provider: 'stripe', eventId: event.id, type: event.type },
        (tx) => applyStripeEvent(tx, platform, event, pre, request.traceId),
      );
      return { received: true as const, duplicate: result.duplicate, outcome: result.outcome };
    },
  );
}
