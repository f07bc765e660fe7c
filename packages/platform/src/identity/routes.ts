import type { Platform } from '@assay/core';
import { requestMeta, requireUser } from '@assay/core';
import { users } from '@assay/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from './authenticate.ts';
import { meView, sessionView, signInBody, signUpBody, toUserView } from './contracts.ts';
import { membershipsOf, signIn, signOut, signUp, startSession } from './service.ts';

function setSessionCookie(platform: Platform, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: platform.config.publicApiUrl.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
}

export async function identityRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/auth/signup',
    {
      config: { auth: 'public', rateLimit: 'signin' },
      schema: {
        tags,
        summary: 'Create an account and its first organization',
        body: signUpBody,
        response: { 201: sessionView },
      },
    },
    async (request, reply) => {
      const user = await signUp(platform, request.body, requestMeta(request));
      const session = await startSession(
        platform.db,
        user.id,
        platform.config.SESSION_TTL_HOURS,
        requestMeta(request),
      );
      setSessionCookie(platform, reply, session.token, session.expiresAt);
      return reply.code(201).send({
        token: session.token,
        token_type: 'Bearer' as const,
        expires_at: session.expiresAt.toISOString(),
        user: toUserView(user),
        memberships: await membershipsOf(platform.db, user.id),
      });
    },
  );

  r.post(
    '/auth/signin',
    {
      config: { auth: 'public', rateLimit: 'signin' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const { user, token, expiresAt } = await signIn(platform, request.body, requestMeta(request));
      setSessionCookie(platform, reply, token, expiresAt);
      return {
        token,
        token_type: 'Bearer' as const,
        expires_at: expiresAt.toISOString(),
        user: toUserView(user),
        memberships: await membershipsOf(platform.db, user.id),
      };
    },
  );

  r.post(
    '/auth/signout',
    { config: { auth: 'user' }, schema: { tags, summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.principal?.sessionId) await signOut(platform, request.principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'The signed-in user and their organizations', response: { 200: meView } },
    },
    async (request) => {
      const user = requireUser(request);
      const [row] = await platform.db.select().from(users).where(eq(users.id, user.id));
      const p = request.principal!;
      return {
        user: toUserView(row),
        memberships: await membershipsOf(platform.db, user.id),
        current: { org_id: p.orgId, role: p.role, method: p.method, scopes: p.scopes },
      };
    },
  );
}
