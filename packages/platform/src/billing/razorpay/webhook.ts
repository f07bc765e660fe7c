import { createHash } from 'node:crypto';
import { AppError, type Platform } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { processProviderEvent } from '../process-event.ts';
import { webhookAnswer } from '../webhook-scope.ts';
import { applyRazorpayEvent, razorpayEvent } from './events.ts';
import { razorpaySignatureValid } from './signature.ts';

export function razorpayWebhookRoute(app: FastifyInstance, platform: Platform) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/webhooks/razorpay',
    {
      config: { auth: 'public', rateLimit: 'webhook' },
      schema: {
        tags: ['billing'],
        summary: 'Razorpay webhook (authenticated by X-Razorpay-Signature)',
        description:
          'HMAC-SHA256 of the raw body with the webhook secret, checked before the body is parsed. A repeated event id answers 200 and changes nothing.',
        response: { 200: webhookAnswer },
      },
    },
    async (request) => {
      const secret = platform.config.RAZORPAY_WEBHOOK_SECRET;
      if (!secret) throw new AppError('SERVICE_UNAVAILABLE', 'Razorpay payments are not configured');
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0) throw new AppError('BAD_REQUEST', 'The body is empty');
      const signature = request.headers['x-razorpay-signature'];
      if (!razorpaySignatureValid(raw, typeof signature === 'string' ? signature : undefined, secret))
        throw new AppError('BAD_REQUEST', 'The webhook signature does not match');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('BAD_REQUEST', 'The body is not valid JSON');
      }
      const parsed = razorpayEvent.safeParse(json);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'Not a Razorpay event this API understands');
      const header = request.headers['x-razorpay-event-id'];
      // Razorpay sends the event id in a header; without it the signed body itself identifies the delivery.
      const eventId =
        typeof header === 'string' && header.length > 0 && header.length <= 200
          ? header
          : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
      const result = await processProviderEvent(
        platform,
        { provider: 'razorpay', eventId, type: parsed.data.event },
        (tx) => applyRazorpayEvent(tx, platform, parsed.data, request.traceId),
      );
      return { received: true as const, duplicate: result.duplicate, outcome: result.outcome };
    },
  );
}
