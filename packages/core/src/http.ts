import type { Db } from '@assay/db';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth/principal.ts';
import type { RequestMeta, ServiceContext } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    traceId: string;
  }
  interface FastifyContextConfig {
    /** The permission the route needs (caller must be in an organization). */
    permission?: string;
    /** `public`: no sign-in; `user`: any signed-in user, organization optional. */
    auth?: 'public' | 'user';
    /** Overrides the rate-limit bucket (sign-in attempts use `signin`). */
    rateLimit?: 'signin' | 'webhook' | false;
  }
}

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  traceId: request.traceId,
});

export function requireUser(request: FastifyRequest) {
  const user = request.principal?.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return user;
}

/** The tenant context of an org-scoped request; the auth step has already checked the permission. */
export function serviceContext(request: FastifyRequest, db: Db): ServiceContext {
  const principal = request.principal;
  if (!principal?.orgId) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return {
    db,
    orgId: principal.orgId,
    actor: principal.actor,
    role: principal.role,
    meta: requestMeta(request),
  };
}
