import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, SAMPLE_POLICY, uploadDocument } from '../../packages/compliance/test/api/helpers.ts';
import { seedIntelDemo } from '../../packages/intel/src/demo/seed.ts';
import { seedScanDemo } from '../../packages/visibility/src/demo/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { addMember, client, signUp } from '../support/client.ts';
import { sampleFor } from '../support/schema-sample.ts';

/**
 * Walks the server's own route table, so routes that modules add later are covered without editing
 * this file: organization A's owner asks for organization B's resources and must get 404 and no data.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof signUp>>;
const bIds = new Set<string>();
const bSecrets: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  // Hundreds of probes per minute: the walk must not be stopped by the rate limit it is not testing.
  await t.platform.db.execute(
    (await import('drizzle-orm')).sql`update plans set rate_limit_per_minute = 1000000`,
  );
  t.platform.authCache.clear();
  a = await signUp(t.url, 'tenant-a');
  const b = await signUp(t.url, 'tenant-b');
  bIds.add(b.orgId);
  bIds.add(b.userId);
  const project = await b.api.post('/v1/projects', {
    name: 'b-secret-project',
    description: 'b-private-notes',
  });
  bIds.add(project.body.id);
  bSecrets.push('b-secret-project', 'b-private-notes');
  const key = await b.api.post('/v1/api-keys', { name: 'b-key', scopes: ['*'] });
  bIds.add(key.body.id);
  const invitation = await b.api.post('/v1/invitations', { email: 'b-invitee@example.test', role: 'viewer' });
  bIds.add(invitation.body.id);
  const member = await addMember(t.url, b, t.mail, 'editor');
  bIds.add(member.userId);
  const job = await b.api.post('/v1/exports');
  bIds.add(job.body.id);
  // Module resources too: a processed document, a completed assessment and a share link.
  await t.startWorker();
  const doc = await uploadDocument(
    b.api,
    project.body.id,
    Buffer.from(SAMPLE_POLICY),
    'b-policy.md',
    'text/markdown',
  );
  bIds.add(doc.id);
  const assessment = await b.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['soc2'] });
  bIds.add(assessment.body.id);
  await poll(
    async () => (await b.api.get(`/v1/assessments/${assessment.body.id}`)).body,
    (x) => x.status === 'completed',
    'B assessment',
  );
  const share = await b.api.post(`/v1/assessments/${assessment.body.id}/shares`, {});
  bIds.add(share.body.id);
  // Visibility and intel data of B: brands, prompts, answers, a knowledge page, a report with its
  // indicators and techniques, a YARA rule set and a webhook endpoint.
  const demo = { orgId: b.orgId, userId: b.userId, projectId: project.body.id };
  await seedScanDemo(t.platform, demo);
  await seedIntelDemo(t.platform, demo);
  await b.api.post('/v1/knowledge-pages', { project_id: project.body.id, title: 'b-page' });
  await b.api.post('/v1/intel/yara/rule-sets', {
    project_id: project.body.id,
    name: 'b-rules',
    source: 'rule b_marker { strings: $a = "b-marker" condition: $a }',
  });
  // A loopback address nobody listens on: saved while private targets are allowed, never delivered.
  t.platform.config.OUTBOUND_ALLOW_PRIVATE = true;
  const hook = await b.api.post('/v1/webhooks/endpoints', {
    url: 'http://127.0.0.1:9/b',
    event_types: ['member.invited'],
  });
  t.platform.config.OUTBOUND_ALLOW_PRIVATE = false;
  expect(hook.status).toBe(201);
  // Every id B can see in its own lists is one A must not reach; global catalogues (plans,
  // frameworks, the ATT&CK releases and techniques) are shared by design and keyed otherwise.
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  for (const route of listRoutes().filter((r) => !r.url.startsWith('/v1/intel/attack'))) {
    for (const query of ['', `?project_id=${project.body.id}`]) {
      const list = await b.api.get(`${route.url}${query}`);
      for (const row of list.body?.data ?? []) if (uuid.test(String(row?.id))) bIds.add(row.id);
    }
  }
});
afterAll(async () => t?.close());

const paramRoutes = () =>
  t.server.routes.filter(
    (r) => r.url.startsWith('/v1/') && r.url.includes(':') && r.config.auth !== 'public',
  );
const listRoutes = () =>
  t.server.routes.filter(
    (r) =>
      r.url.startsWith('/v1/') && !r.url.includes(':') && r.method === 'GET' && r.config.auth !== 'public',
  );

describe('tenant isolation over every route', () => {
  it('has routes and ids to check', () => {
    expect(paramRoutes().length).toBeGreaterThan(5);
    expect(listRoutes().length).toBeGreaterThan(5);
    expect(bIds.size).toBeGreaterThan(40);
  });

  it("answers A for each of B's ids exactly as for an id that does not exist", async () => {
    // A route may reject a malformed body before it looks the id up; that 422 says nothing about B.
    // What must hold is that B's ids are indistinguishable from unknown ones, and never a success.
    const spec = await client(t.url).get('/v1/openapi.json');
    const failures: string[] = [];
    for (const route of paramRoutes()) {
      const openapiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = spec.body.paths?.[openapiPath]?.[route.method.toLowerCase()];
      const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
      const probe = (id: string) =>
        a.api.call(
          route.method,
          route.url.replace(/:(\w+)/g, id),
          bodySchema ? sampleFor(bodySchema, 'iso') : undefined,
        );
      const unknown = await probe(randomUUID());
      // Not found, or a body refused before the id is looked at; nothing else tells ids apart.
      if (unknown.status !== 404 && unknown.body?.error?.code !== 'VALIDATION_ERROR') {
        failures.push(`${route.method} ${route.url} with an unknown id: ${unknown.status}`);
        continue;
      }
      for (const id of bIds) {
        const res = await probe(id);
        const text = JSON.stringify(res.body);
        const sameAnswer =
          res.status === unknown.status && res.body?.error?.code === unknown.body?.error?.code;
        if (!sameAnswer || bSecrets.some((s) => text.includes(s))) {
          failures.push(
            `${route.method} ${route.url} with ${id}: ${res.status} (unknown id: ${unknown.status}) ${text.slice(0, 200)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("never shows B's data in A's lists", async () => {
    const leaks: string[] = [];
    for (const route of listRoutes()) {
      const res = await a.api.get(route.url);
      const text = JSON.stringify(res.body);
      for (const id of [...bIds, ...bSecrets]) if (text.includes(id)) leaks.push(`${route.url} shows ${id}`);
    }
    expect(leaks).toEqual([]);
  });

  it('refuses an X-Org-Id of an organization the caller is not in', async () => {
    const [bOrg] = [...bIds];
    const res = await client(t.url, { token: a.token, orgId: bOrg }).get('/v1/projects');
    expect(res.status).toBe(404);
  });
});
