import { ROLES } from '@assay/core';
import { z } from 'zod';
import { email } from '../identity/contracts.ts';

export const role = z.enum(ROLES);
export const orgView = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  plan_id: z.string(),
  created_at: z.string(),
});
export const orgBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const memberView = z.object({
  user_id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  joined_at: z.string(),
});
export const memberParams = z.object({ user_id: z.uuid() });
export const changeRoleBody = z.object({ role }).strict();
export const inviteBody = z.object({ email, role: role.default('viewer') }).strict();
export const invitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role,
  expires_at: z.string(),
  created_at: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export const acceptBody = z.object({ token: z.string().min(10).max(200) }).strict();
export const idParams = z.object({ id: z.uuid() });

export const toOrgView = (o: {
  id: string;
  name: string;
  slug: string;
  planId: string;
  createdAt: Date;
}) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  plan_id: o.planId,
  created_at: o.createdAt.toISOString(),
});
