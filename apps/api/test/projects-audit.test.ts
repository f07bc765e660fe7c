import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { signUp } from '../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('projects, pagination and the audit log', () => {
  it('pages through projects with cursors, newest first, without gaps or repeats', async () => {
    const owner = await signUp(t.url, 'pager');
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set quotas = quotas - 'projects.count'`,
    );
    const names: string[] = [];
    for (let i = 0; i < 7; i++)
      names.push((await owner.api.post('/v1/projects', { name: `p${i}` })).body.name);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await owner.api.get(
        `/v1/projects?page[size]=3${cursor ? `&page[cursor]=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { name: string }) => p.name));
      cursor = res.body.meta.next_cursor;
      expect(res.body.meta.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
  });

  it('pages through rows created in one statement (one timestamp) without skipping any', async () => {
    const owner = await signUp(t.url, 'batch-pager');
    await t.platform.db.execute(sql`
      insert into projects (id, org_id, name)
      select gen_random_uuid(), ${owner.orgId}::uuid, 'batch ' || n from generate_series(1, 7) as n`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await owner.api.get(
        `/v1/projects?page[size]=3${cursor ? `&page[cursor]=${cursor}` : ''}`,
      );
      seen.push(...res.body.data.map((p: { name: string }) => p.name));
      cursor = res.body.meta.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `batch ${i + 1}`).sort());
  });

  it('rejects duplicates and unknown fields, and 404s on missing projects', async () => {
    const owner = await signUp(t.url, 'dupes');
    expect((await owner.api.post('/v1/projects', { name: 'same' })).status).toBe(201);
    const dup = await owner.api.post('/v1/projects', { name: 'same' });
    expect(dup.status).toBe(409);
    const extra = await owner.api.post('/v1/projects', { name: 'x', org_id: owner.orgId });
    expect(extra.status).toBe(422);
    expect(extra.body.error.details[0].field).toContain('body');
    expect((await owner.api.get('/v1/projects/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('enforces the plan quota with 402 and the figures', async () => {
    const owner = await signUp(t.url, 'quota');
    await t.platform.db.execute(
      (await import('drizzle-orm')).sql`update plans set quotas = quotas || '{"projects.count": 3}'`,
    );
    for (let i = 0; i < 3; i++)
      expect((await owner.api.post('/v1/projects', { name: `q${i}` })).status).toBe(201);
    const over = await owner.api.post('/v1/projects', { name: 'q3' });
    expect(over.status).toBe(402);
    expect(over.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'projects.count', limit: 3, used: 3 },
    });
  });

  it('records every mutation with actor, target, ip, trace id and a before/after summary', async () => {
    const owner = await signUp(t.url, 'auditor');
    const created = await owner.api.post(
      '/v1/projects',
      { name: 'audited' },
      { 'user-agent': 'audit-test/1.0' },
    );
    await owner.api.patch(`/v1/projects/${created.body.id}`, { name: 'renamed' });
    await owner.api.delete(`/v1/projects/${created.body.id}`);
    const log = await owner.api.get(`/v1/audit-logs?target_id=${created.body.id}`);
    expect(log.body.data.map((e: { action: string }) => e.action)).toEqual([
      'project.delete',
      'project.update',
      'project.create',
    ]);
    const update = log.body.data[1];
    expect(update).toMatchObject({
      actor_type: 'user',
      actor_id: owner.userId,
      target_type: 'project',
      ip: '127.0.0.1',
    });
    expect(update.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(update.changes).toEqual({
      before: { name: 'audited', description: '' },
      after: { name: 'renamed' },
    });
    expect(log.body.data[2].user_agent).toBe('audit-test/1.0');
    const filtered = await owner.api.get(
      `/v1/audit-logs?action=project.update&from=${new Date(Date.now() - 60_000).toISOString()}`,
    );
    expect(filtered.body.data).toHaveLength(1);
  });
});
