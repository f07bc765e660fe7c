import type { Role } from './types';

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1 };
export const ROLES: Role[] = ['owner', 'admin', 'editor', 'viewer'];

export const atLeast = (role: Role | null | undefined, minimum: Role): boolean =>
  role ? RANK[role] >= RANK[minimum] : false;
