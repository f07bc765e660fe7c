import { auditLogs } from '@assay/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { intelFeeds } from '../../src/schema.ts';
import { RSS, startFeedServer } from '../agents/feed-server.ts';
import { poll } from '../agents/helpers.ts';

// The operator has not allowed private addresses here: feeds on loopback must be refused.
let t: TestApp;
let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer({ '/rss.xml': { type: 'application/rss+xml', body: RSS } });
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await server?.close();
});

describe('feeds', () => {
  it('refuses bad and private URLs, at creation and again at fetch time', async () => {
    const owner = await signUp(t.url, 'feeds');
    const projectId = (await owner.api.post('/v1/projects', { name: 'feeds' })).body.id;
    for (const url of [
      'not a url',
      'ftp://feeds.example.org/x',
      'https://user:pw@feeds.example.org/rss',
      `${server.url}/rss.xml`,
      'http://[::1]/feed',
    ]) {
      const res = await owner.api.post('/v1/intel/feeds', { project_id: projectId, name: 'x', url });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0].field).toBe('body.url');
    }
    const privateUrl = await owner.api.post('/v1/intel/feeds', {
      project_id: projectId,
      name: 'x',
      url: `${server.url}/rss.xml`,
    });
    expect(privateUrl.body.error.message).toMatch(/private, loopback or reserved/);

    const feed = await owner.api.post('/v1/intel/feeds', {
      project_id: projectId,
      name: 'Vendor',
      url: 'https://93.184.215.14/feed.xml',
    });
    expect(feed.status).toBe(201);
    expect(
      (
        await owner.api.post('/v1/intel/feeds', {
          project_id: projectId,
          name: 'Again',
          url: 'https://93.184.215.14/feed.xml',
        })
      ).status,
    ).toBe(409);
    // Where a feed points can change after it was accepted (DNS): the fetch checks again.
    await t.platform.db
      .update(intelFeeds)
      .set({ url: `${server.url}/rss.xml` })
      .where(eq(intelFeeds.id, feed.body.id));
    const fetched = await owner.api.post(`/v1/intel/feeds/${feed.body.id}/fetch`);
    expect(fetched.status).toBe(202);
    const after = await poll(
      async () => (await owner.api.get(`/v1/intel/feeds/${feed.body.id}`)).body,
      (f) => f.last_fetched_at !== null,
      'feed fetch',
    );
    expect(after).toMatchObject({ last_status: 'error', items_ingested: 0 });
    expect(after.last_error).toMatch(/private, loopback or reserved/);
    expect(server.hits).toEqual([]);
    expect((await owner.api.get(`/v1/intel/feeds/${feed.body.id}/items`)).body.data).toEqual([]);
  });

  it('audits changes, enforces roles and keeps tenants apart', async () => {
    const owner = await signUp(t.url, 'feeds-roles');
    const projectId = (await owner.api.post('/v1/projects', { name: 'roles' })).body.id;
    const feed = await owner.api.post('/v1/intel/feeds', {
      project_id: projectId,
      name: 'Vendor',
      url: 'https://93.184.215.14/rss',
    });
    const renamed = await owner.api.patch(`/v1/intel/feeds/${feed.body.id}`, {
      name: 'Vendor blog',
      enabled: false,
    });
    expect(renamed.body).toMatchObject({ name: 'Vendor blog', enabled: false });
    expect(
      (await owner.api.patch(`/v1/intel/feeds/${feed.body.id}`, { url: 'javascript:alert(1)' })).status,
    ).toBe(422);

    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get(`/v1/intel/feeds?project_id=${projectId}`)).body.data).toHaveLength(1);
    expect((await viewer.api.patch(`/v1/intel/feeds/${feed.body.id}`, { name: 'v' })).status).toBe(403);
    expect((await viewer.api.post(`/v1/intel/feeds/${feed.body.id}/fetch`)).status).toBe(403);

    const other = await signUp(t.url, 'feeds-other');
    for (const [method, path] of [
      ['GET', `/v1/intel/feeds/${feed.body.id}`],
      ['GET', `/v1/intel/feeds/${feed.body.id}/items`],
      ['PATCH', `/v1/intel/feeds/${feed.body.id}`],
      ['POST', `/v1/intel/feeds/${feed.body.id}/fetch`],
      ['DELETE', `/v1/intel/feeds/${feed.body.id}`],
    ] as const)
      expect(
        (await other.api.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {})).status,
        path,
      ).toBe(404);
    expect(
      (
        await other.api.post('/v1/intel/feeds', {
          project_id: projectId,
          name: 'x',
          url: 'https://93.184.215.14/x',
        })
      ).status,
    ).toBe(404);

    expect((await owner.api.delete(`/v1/intel/feeds/${feed.body.id}`)).status).toBe(204);
    const actions = (
      await t.platform.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.orgId, owner.orgId))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['intel.feed.create', 'intel.feed.update', 'intel.feed.delete']),
    );
  });
});
