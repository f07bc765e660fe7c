import { type Platform, requestMeta, requireUser, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrganization } from '../identity/service.ts';
import {
  acceptBody,
  changeRoleBody,
  idParams,
  invitationView,
  inviteBody,
  memberParams,
  memberView,
  orgBody,
  orgView,
  toOrgView,
} from './contracts.ts';
import {
  acceptInvitation,
  invite,
  listInvitations,
  revokeInvitation,
  toInvitationView,
} from './invitations.ts';
import { changeRole, listMembers, removeMember } from './members.ts';
import { getOrganization, listUserOrganizations, renameOrganization } from './service.ts';

export async function orgRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const forget = (tag: string) => platform.bus.publish(tag);

  r.get(
    '/orgs',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['organizations'],
        summary: 'Organizations you belong to',
        response: { 200: z.object({ data: z.array(orgView) }) },
      },
    },
    async (request) => ({
      data: (await listUserOrganizations(platform.db, requireUser(request).id)).map(toOrgView),
    }),
  );
  r.post(
    '/orgs',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization you own',
        body: orgBody,
        response: { 201: orgView },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const org = await platform.db.transaction((tx) =>
        createOrganization(tx, user.id, request.body.name, requestMeta(request)),
      );
      await forget(`user:${user.id}`);
      return reply.code(201).send(toOrgView(org));
    },
  );
  r.get(
    '/org',
    {
      config: { permission: 'org.view' },
      schema: {
        tags: ['organizations'],
        summary: 'The current organization (X-Org-Id)',
        response: { 200: orgView },
      },
    },
    async (request) => toOrgView(await getOrganization(serviceContext(request, platform.db))),
  );
  r.patch(
    '/org',
    {
      config: { permission: 'org.edit' },
      schema: {
        tags: ['organizations'],
        summary: 'Rename the organization',
        body: orgBody,
        response: { 200: orgView },
      },
    },
    async (request) =>
      toOrgView(await renameOrganization(serviceContext(request, platform.db), request.body.name)),
  );

  const memberTags = ['members'];
  r.get(
    '/members',
    {
      config: { permission: 'members.view' },
      schema: {
        tags: memberTags,
        summary: 'Members and their roles',
        response: { 200: z.object({ data: z.array(memberView) }) },
      },
    },
    async (request) => ({ data: await listMembers(serviceContext(request, platform.db)) }),
  );
  r.patch(
    '/members/:user_id',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: memberTags,
        summary: "Change a member's role",
        params: memberParams,
        body: changeRoleBody,
        response: { 200: z.object({ user_id: z.uuid(), role: z.string() }) },
      },
    },
    async (request) => {
      const member = await changeRole(
        serviceContext(request, platform.db),
        request.params.user_id,
        request.body.role,
      );
      await forget(`user:${request.params.user_id}`);
      return { user_id: member.userId, role: member.role };
    },
  );
  r.delete(
    '/members/:user_id',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: memberTags,
        summary: 'Remove a member',
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeMember(serviceContext(request, platform.db), request.params.user_id, 'member.remove');
      await forget(`user:${request.params.user_id}`);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/members/leave',
    {
      config: { permission: 'org.view' },
      schema: { tags: memberTags, summary: 'Leave the current organization', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await removeMember(serviceContext(request, platform.db), user.id, 'member.leave');
      await forget(`user:${user.id}`);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: memberTags,
        summary: 'Pending invitations',
        response: { 200: z.object({ data: z.array(invitationView) }) },
      },
    },
    async (request) => ({ data: await listInvitations(serviceContext(request, platform.db)) }),
  );
  r.post(
    '/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: memberTags,
        summary: 'Invite someone by email (the link is emailed, single use, 7 days)',
        body: inviteBody,
        response: { 201: invitationView },
      },
    },
    async (request, reply) => {
      const row = await invite(
        serviceContext(request, platform.db),
        request.body,
        platform.mailer,
        platform.config.publicWebUrl,
      );
      return reply.code(201).send(toInvitationView(row));
    },
  );
  r.delete(
    '/invitations/:id',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags: memberTags,
        summary: 'Revoke a pending invitation',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeInvitation(serviceContext(request, platform.db), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/invitations/accept',
    {
      config: { auth: 'user', rateLimit: 'signin' },
      schema: {
        tags: memberTags,
        summary: 'Accept an invitation sent to your email',
        body: acceptBody,
        response: { 200: z.object({ org_id: z.uuid(), role: z.string() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const joined = await acceptInvitation(platform.db, user, request.body.token, requestMeta(request));
      await forget(`user:${user.id}`);
      return { org_id: joined.orgId, role: joined.role };
    },
  );
}
