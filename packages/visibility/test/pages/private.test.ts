import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { newProject } from './helpers.ts';
import { type SiteServer, startSite } from './site-server.ts';

let t: TestApp;
let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
  await site?.close();
});

describe('without OUTBOUND_ALLOW_PRIVATE', () => {
  it('refuses loopback and private addresses for crawls and health checks, before fetching anything', async () => {
    const owner = await signUp(t.url, 'strict');
    const project = await newProject(owner.api);
    for (const url of [
      `${site.url}/widgets`,
      'http://10.1.2.3/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const res = await owner.api.post('/v1/knowledge-pages', { project_id: project, urls: [url] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({
        field: 'urls.0',
        message: expect.stringMatching(/private, loopback or reserved/),
      });
    }
    const health = await owner.api.post('/v1/page-health', { url: `${site.url}/widgets` });
    expect(health.status).toBe(422);
    expect(health.body.error.message).toMatch(/private, loopback or reserved/);
    expect(site.hits).toEqual([]);
    expect((await owner.api.get('/v1/knowledge-pages')).body.data).toEqual([]);
  });
});
