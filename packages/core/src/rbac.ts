/** Roles, strongest first. A membership has exactly one. */
export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.length - ROLES.indexOf(role);
export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
export const atLeast = (role: Role, minimum: Role): boolean => roleRank(role) >= roleRank(minimum);

/**
 * Core permissions: the seed's matrix (projects, members, billing) plus the core resources.
 * Each maps to the weakest role that has it; stronger roles have it too.
 */
const CORE_PERMISSIONS = {
  'projects.view': 'viewer',
  'projects.create': 'editor',
  'projects.edit': 'editor',
  'projects.delete': 'admin',
  'members.view': 'viewer',
  'members.manage': 'admin',
  'billing.view': 'owner',
  'billing.manage': 'owner',
  'org.view': 'viewer',
  'org.edit': 'admin',
  'org.delete': 'owner',
  'api_keys.view': 'admin',
  'api_keys.manage': 'admin',
  'audit.view': 'admin',
  'jobs.view': 'viewer',
  'jobs.manage': 'admin',
  'exports.create': 'admin',
  'usage.view': 'admin',
  'webhooks.view': 'admin',
  'webhooks.manage': 'admin',
} as const satisfies Record<string, Role>;

const registry = new Map<string, Role>(Object.entries(CORE_PERMISSIONS));

export type Permission = keyof typeof CORE_PERMISSIONS | `${string}.${'view' | 'create' | 'edit' | 'delete'}`;

/**
 * Module resources follow the project rules: viewers read, editors create and edit, admins delete.
 * Modules call this once at load for each resource they own (for example `assessments`).
 */
export function registerResource(resource: string): void {
  if (!/^[a-z][a-z_]*$/.test(resource)) throw new Error(`bad resource name ${resource}`);
  registry.set(`${resource}.view`, 'viewer');
  registry.set(`${resource}.create`, 'editor');
  registry.set(`${resource}.edit`, 'editor');
  registry.set(`${resource}.delete`, 'admin');
}

export const allPermissions = (): string[] => [...registry.keys()].sort();
export const isPermission = (value: string): boolean => registry.has(value);

export function roleHas(role: Role, permission: string): boolean {
  const minimum = registry.get(permission);
  if (!minimum) throw new Error(`unknown permission ${permission}`);
  return atLeast(role, minimum);
}

/** API key scopes are `resource:read` or `resource:write` (write implies read), or `*`. */
export const scopeResources = (): string[] =>
  [...new Set([...registry.keys()].map((p) => p.split('.')[0]))].sort();

export function isScope(value: string): boolean {
  if (value === '*') return true;
  const [resource, level] = value.split(':');
  return (level === 'read' || level === 'write') && scopeResources().includes(resource);
}

export function scopesAllow(scopes: readonly string[] | null, permission: string): boolean {
  if (scopes === null || scopes.includes('*')) return true;
  const [resource, action] = permission.split('.');
  if (scopes.includes(`${resource}:write`)) return true;
  return action === 'view' && scopes.includes(`${resource}:read`);
}
