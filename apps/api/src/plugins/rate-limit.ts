import { AppError, type Platform, type RateLimitRule } from '@assay/core';
import type { Authenticator } from '@assay/platform';
import type { FastifyInstance } from 'fastify';

const SIGNIN_PER_MINUTE = 10;
const ANONYMOUS_PER_MINUTE = 120;

/**
 * Per organization (its plan's limit) and per API key, one Redis round trip for both; sign-in
 * attempts per IP and email; anonymous calls per IP. Runs after auth (the org is known) and before validation (floods of bad bodies count too).
 */
export function registerRateLimits(app: FastifyInstance, platform: Platform, authenticator: Authenticator) {
  app.addHook('preValidation', async (request, reply) => {
    const bucket = request.routeOptions.config.rateLimit;
    if (bucket === false || !request.routeOptions.url) return;
    const rules: RateLimitRule[] = [];
    if (bucket === 'signin') {
      const email =
        typeof (request.body as any)?.email === 'string' ? (request.body as any).email.toLowerCase() : '';
      rules.push({ key: `signin:ip:${request.ip}`, limit: SIGNIN_PER_MINUTE * 3, windowSeconds: 60 });
      if (email) rules.push({ key: `signin:email:${email}`, limit: SIGNIN_PER_MINUTE, windowSeconds: 60 });
    } else if (bucket === 'webhook') {
      rules.push({
        key: `webhook:ip:${request.ip}`,
        limit: platform.config.WEBHOOK_RATE_LIMIT_PER_MINUTE,
        windowSeconds: 60,
      });
    } else if (request.principal?.orgId) {
      const limit = await authenticator.planRateLimit(request.principal.orgId);
      rules.push({ key: `org:${request.principal.orgId}`, limit, windowSeconds: 60 });
      if (request.principal.apiKeyId)
        rules.push({ key: `key:${request.principal.apiKeyId}`, limit, windowSeconds: 60 });
    } else {
      rules.push({ key: `anon:${request.ip}`, limit: ANONYMOUS_PER_MINUTE, windowSeconds: 60 });
    }
    const result = await platform.rateLimiter.hit(rules);
    reply.header('X-RateLimit-Limit', result.limit);
    reply.header('X-RateLimit-Remaining', result.remaining);
    reply.header('X-RateLimit-Reset', result.resetAt);
    if (!result.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many requests; slow down and retry later', {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
  });
}
