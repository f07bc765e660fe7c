import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * Webhook routes read the body as raw bytes: signatures are computed over the exact bytes sent,
 * and nothing is parsed before the signature is checked. Scoped to the webhook plugin only.
 */
export function rawBodies(scope: FastifyInstance) {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

export const webhookAnswer = z.object({
  received: z.literal(true),
  duplicate: z.boolean(),
  outcome: z.string(),
});
