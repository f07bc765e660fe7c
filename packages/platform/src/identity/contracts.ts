import { z } from 'zod';

export const email = z
  .email({ message: 'expected an email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const password = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');

export const signUpBody = z
  .object({
    email,
    password,
    name: z.string().trim().min(1).max(100),
    organization_name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const signInBody = z.object({ email, password: z.string().min(1).max(200) }).strict();

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  created_at: z.string(),
});
export const membershipView = z.object({
  org_id: z.uuid(),
  org_name: z.string(),
  org_slug: z.string(),
  role: z.enum(['owner', 'admin', 'editor', 'viewer']),
});

export const sessionView = z.object({
  token: z.string().describe('Bearer access token; the web app gets the same value as an httpOnly cookie'),
  token_type: z.literal('Bearer'),
  expires_at: z.string(),
  user: userView,
  memberships: z.array(membershipView),
});

export const meView = z.object({
  user: userView,
  memberships: z.array(membershipView),
  current: z.object({
    org_id: z.uuid().nullable(),
    role: z.string().nullable(),
    method: z.string(),
    scopes: z.array(z.string()).nullable(),
  }),
});

export type UserRow = { id: string; email: string; name: string; createdAt: Date };
export const toUserView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  created_at: u.createdAt.toISOString(),
});
