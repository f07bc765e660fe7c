import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMember, signUp } from '../../../test/support/client.ts';
import { liftQuota } from '../../../test/support/plans.ts';

type Role = 'owner' | 'admin' | 'editor' | 'viewer';
type Api = Awaited<ReturnType<typeof signUp>>['api'];

let t: TestApp;
const as: Record<Role, Api> = {} as never;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  await liftQuota(t, 'members.seats'); // many invitations to one organization
  const owner = await signUp(t.url, 'owner');
  as.owner = owner.api;
  for (const role of ['admin', 'editor', 'viewer'] as const)
    as[role] = (await addMember(t.url, owner, t.mail, role)).api;
  // Room for the projects this matrix creates.
  await t.platform.db.execute(
    (await import('drizzle-orm')).sql`update plans set quotas = quotas - 'projects.count'`,
  );
  projectId = (await owner.api.post('/v1/projects', { name: 'shared' })).body.id;
});
afterAll(async () => t?.close());

/** The seed's matrix, plus the core resources; `true` means allowed. */
const MATRIX: {
  action: string;
  call: (api: Api, role: Role) => Promise<{ status: number }>;
  allowed: Role[];
}[] = [
  {
    action: 'view projects',
    call: (api) => api.get('/v1/projects'),
    allowed: ['owner', 'admin', 'editor', 'viewer'],
  },
  {
    action: 'create project',
    call: (api, role) => api.post('/v1/projects', { name: `p-${role}` }),
    allowed: ['owner', 'admin', 'editor'],
  },
  {
    action: 'edit project',
    call: (api, role) => api.patch(`/v1/projects/${projectId}`, { description: role }),
    allowed: ['owner', 'admin', 'editor'],
  },
  {
    action: 'delete project',
    call: async (api, role) => {
      const victim = await as.owner.post('/v1/projects', { name: `delete-me-${role}` });
      return api.delete(`/v1/projects/${victim.body.id}`);
    },
    allowed: ['owner', 'admin'],
  },
  {
    action: 'manage members',
    call: (api, role) =>
      api.post('/v1/invitations', { email: `x-${role}-${Date.now()}@example.test`, role: 'viewer' }),
    allowed: ['owner', 'admin'],
  },
  {
    action: 'view members',
    call: (api) => api.get('/v1/members'),
    allowed: ['owner', 'admin', 'editor', 'viewer'],
  },
  { action: 'view billing', call: (api) => api.get('/v1/billing'), allowed: ['owner'] },
  {
    action: 'manage billing',
    call: (api) => api.patch('/v1/billing', { billing_email: 'billing@example.test' }),
    allowed: ['owner'],
  },
  { action: 'view audit log', call: (api) => api.get('/v1/audit-logs'), allowed: ['owner', 'admin'] },
  {
    action: 'manage API keys',
    call: (api) => api.post('/v1/api-keys', { name: 'k', scopes: ['projects:read'], role: 'viewer' }),
    allowed: ['owner', 'admin'],
  },
  { action: 'start an export', call: (api) => api.post('/v1/exports'), allowed: ['owner', 'admin'] },
  {
    action: 'view jobs',
    call: (api) => api.get('/v1/jobs'),
    allowed: ['owner', 'admin', 'editor', 'viewer'],
  },
  { action: 'view usage', call: (api) => api.get('/v1/usage'), allowed: ['owner', 'admin'] },
  {
    action: 'rename organization',
    call: (api) => api.patch('/v1/org', { name: 'Renamed' }),
    allowed: ['owner', 'admin'],
  },
];

describe('permission matrix over HTTP', () => {
  for (const row of MATRIX) {
    for (const role of ['owner', 'admin', 'editor', 'viewer'] as const) {
      const allowed = row.allowed.includes(role);
      it(`${role} ${allowed ? 'can' : 'cannot'} ${row.action}`, async () => {
        const res = await row.call(as[role], role);
        if (allowed) expect(res.status, JSON.stringify(res)).toBeLessThan(300);
        else expect(res.status).toBe(403);
      });
    }
  }
});
