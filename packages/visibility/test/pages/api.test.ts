import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, client, signUp } from '../../../../test/support/client.ts';
import { drafted, MANUAL_BODY, newProject } from './helpers.ts';
import { type SiteServer, startSite } from './site-server.ts';

let t: TestApp;
let site: SiteServer;
let owner: Awaited<ReturnType<typeof signUp>>;
let project: string;
let ownerSlug: string;
const orgSlug = async (api: typeof owner.api) =>
  (await api.get('/v1/me')).body.memberships[0].org_slug as string;
beforeAll(async () => {
  site = await startSite();
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true', PAGES_DOMAIN: 'pages.test:3000' } });
  await t.startWorker();
  owner = await signUp(t.url, 'pages');
  project = await newProject(owner.api);
  ownerSlug = await orgSlug(owner.api);
});
afterAll(async () => {
  await t?.close();
  await site?.close();
});

describe('drafting a page from URLs', () => {
  it('crawls the sources (robots.txt obeyed, oversize refused), drafts with the baseline and scores it', async () => {
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/widgets`, `${site.url}/private/secret`, `${site.url}/huge`, `${site.url}/about`],
      product: { name: 'Acme Widgets' },
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      status: 'DRAFT',
      generation: 'queued',
      method: 'baseline',
      slug: 'widgets',
    });
    const page = await drafted(owner.api, created.body.id);
    expect(page).toMatchObject({
      generation: 'done',
      method: 'baseline',
      title: 'Acme Widgets',
      status: 'DRAFT',
    });
    expect(page.sources.map((s: { status: string }) => s.status)).toEqual([
      'fetched',
      'blocked',
      'failed',
      'fetched',
    ]);
    expect(page.sources[1].error).toMatch(/robots\.txt disallows AssayBot/);
    expect(page.sources[2].error).toMatch(/larger than/);
    expect(site.hits.some((h) => h.startsWith('/private'))).toBe(false);
    expect(page.body_md).toContain('### Do you ship to Asia?');
    expect(page.body_md).not.toContain('Secret');
    const types = page.json_ld[0]['@graph'].map((e: { '@type': string }) => e['@type']);
    expect(types).toEqual(['Organization', 'WebPage', 'Product', 'FAQPage', 'BreadcrumbList']);
    expect(page.health_score).toBeGreaterThanOrEqual(80);
    expect(page.health.checks.find((c: { id: string }) => c.id === 'jsonld_matches_content').passed).toBe(
      true,
    );
    expect(page.url).toBe(`http://${ownerSlug}.pages.test:3000/widgets`);
  });

  it('drafts a page again from its sources, for drafts only', async () => {
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/about`],
    });
    const first = await drafted(owner.api, created.body.id);
    await owner.api.patch(`/v1/knowledge-pages/${first.id}`, { body_md: 'Edited by hand.' });
    const again = await owner.api.post(`/v1/knowledge-pages/${first.id}/redraft`, {});
    expect(again.status).toBe(202);
    expect(again.body.generation).toBe('queued');
    expect((await owner.api.patch(`/v1/knowledge-pages/${first.id}`, { title: 'x' })).status).toBeOneOf([
      200, 409,
    ]);
    const redrafted = await drafted(owner.api, first.id);
    expect(redrafted.body_md).toContain('Car makers, food processors and packaging plants.');
    expect(redrafted.body_md).not.toContain('Edited by hand.');
    await owner.api.post(`/v1/knowledge-pages/${first.id}/publish`);
    expect((await owner.api.post(`/v1/knowledge-pages/${first.id}/redraft`, {})).status).toBe(409);
    const manual = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      title: 'No sources',
      body_md: 'x',
    });
    expect((await owner.api.post(`/v1/knowledge-pages/${manual.body.id}/redraft`, {})).status).toBe(409);
    await owner.api.delete(`/v1/knowledge-pages/${first.id}`);
    await owner.api.delete(`/v1/knowledge-pages/${manual.body.id}`);
  });

  it('fails the draft, saying why, when no source can be read', async () => {
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/private/x`],
    });
    const page = await drafted(owner.api, created.body.id);
    expect(page).toMatchObject({
      generation: 'failed',
      error: expect.stringMatching(/None of the URLs could be read.*robots\.txt/),
    });
    const publish = await owner.api.post(`/v1/knowledge-pages/${page.id}/publish`);
    expect(publish.status).toBe(409);
  });
});

describe('editing and publishing', () => {
  let id: string;
  it('creates a page from Markdown, scores unsaved edits live, and saves edits', async () => {
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      title: 'Acme industrial widgets',
      description: 'Durable industrial widgets from Acme for factories that run around the clock.',
      body_md: MANUAL_BODY,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'acme-industrial-widgets',
      method: 'manual',
      generation: 'done',
    });
    id = created.body.id;
    const live = await owner.api.post(`/v1/knowledge-pages/${id}/score`, {
      body_md: `# Second title\n\n${MANUAL_BODY}`,
    });
    expect(live.status).toBe(200);
    expect(live.body.checks.find((c: { id: string }) => c.id === 'single_h1').passed).toBe(false);
    expect(live.body.score).toBeLessThan(created.body.health_score);
    const unchanged = await owner.api.get(`/v1/knowledge-pages/${id}`);
    expect(unchanged.body.body_md).toBe(MANUAL_BODY);

    const edited = await owner.api.patch(`/v1/knowledge-pages/${id}`, {
      page_type: 'Article',
      slug: 'widgets-faq',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.json_ld[0]['@graph'][1]).toMatchObject({
      '@type': 'Article',
      headline: 'Acme industrial widgets',
    });
    expect(edited.body.url).toMatch(/\/widgets-faq$/);
  });

  it('refuses custom JSON-LD that does not describe the page, and keeps the page unchanged', async () => {
    const bad = await owner.api.patch(`/v1/knowledge-pages/${id}`, {
      title: 'A changed title',
      json_ld: {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        mainEntity: [
          { '@type': 'Question', name: 'Is it free?', acceptedAnswer: { '@type': 'Answer', text: 'Yes.' } },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'json_ld' });
    expect((await owner.api.get(`/v1/knowledge-pages/${id}`)).body.title).toBe('Acme industrial widgets');
    const notObjects = await owner.api.patch(`/v1/knowledge-pages/${id}`, { json_ld: ['x'] });
    expect(notObjects.status).toBe(422);
    const tooLong = await owner.api.patch(`/v1/knowledge-pages/${id}`, { body_md: 'x'.repeat(100_001) });
    expect(tooLong.status).toBe(422);
    // The live score still scores content whose JSON-LD cannot be saved, and says why.
    const liveBad = await owner.api.post(`/v1/knowledge-pages/${id}/score`, {
      json_ld: { '@context': 'https://schema.org', '@type': 'Product', name: 'Rocket skates' },
    });
    expect(liveBad.status).toBe(200);
    expect(liveBad.body.json_ld_errors[0].message).toMatch(/Rocket skates/);
    expect(liveBad.body.checks.find((c: { id: string }) => c.id === 'jsonld_matches_content').passed).toBe(
      false,
    );
    const good = await owner.api.patch(`/v1/knowledge-pages/${id}`, {
      json_ld: {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        mainEntity: [
          {
            '@type': 'Question',
            name: 'Do you ship to Asia?',
            acceptedAnswer: { '@type': 'Answer', text: 'Yes, Acme ships to Japan, Korea and Singapore.' },
          },
        ],
      },
    });
    expect(good.status).toBe(200);
    expect(good.body.json_ld_mode).toBe('custom');
    const removesQuestion = await owner.api.patch(`/v1/knowledge-pages/${id}`, { body_md: 'Only text now.' });
    expect(removesQuestion.status).toBe(422);
    const reset = await owner.api.patch(`/v1/knowledge-pages/${id}`, { json_ld: null });
    expect(reset.body.json_ld_mode).toBe('auto');
  });

  it('publishes, serves only published pages publicly, and unpublishes', async () => {
    const org = ownerSlug;
    const anon = client(t.url);
    // A draft of a real organization and a page of no organization answer alike: slugs do not leak.
    const draft = await anon.get(`/v1/public/sites/${org}/pages/widgets-faq`);
    const nobody = await anon.get('/v1/public/sites/no-such-org-here/pages/widgets-faq');
    for (const res of [draft, nobody]) expect(res.status).toBe(404);
    expect({ ...draft.body.error, trace_id: null }).toEqual({ ...nobody.body.error, trace_id: null });
    const published = await owner.api.post(`/v1/knowledge-pages/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', published_at: expect.any(String) });

    const page = await anon.get(`/v1/public/sites/${org}/pages/widgets-faq`);
    expect(page.status).toBe(200);
    expect(page.body.html).toContain('<h1>Acme industrial widgets</h1>');
    expect(page.body.html).toContain('application/ld+json');
    expect(page.body.markdown).toMatch(/^# Acme industrial widgets\n/);
    const siteView = await anon.get(`/v1/public/sites/${org}`);
    expect(siteView.body.pages.map((p: { slug: string }) => p.slug)).toEqual(['widgets-faq']);
    const llms = await anon.get(`/v1/public/sites/${org}/llms.txt`);
    expect(llms.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(llms.body).toContain(`(http://${org}.pages.test:3000/widgets-faq.md)`);
    expect(llms.body).not.toContain('widgets.md');
    expect((await anon.get(`/v1/public/sites/${org}/sitemap.xml`)).body).toContain('<loc>');
    expect((await anon.get(`/v1/public/sites/${org}/robots.txt`)).body).toContain('Allow: /');

    const unpublished = await owner.api.post(`/v1/knowledge-pages/${id}/unpublish`);
    expect(unpublished.body).toMatchObject({ status: 'DRAFT', published_at: null });
    expect((await anon.get(`/v1/public/sites/${org}/pages/widgets-faq`)).status).toBe(404);
    // With nothing published the site does not exist (the organization's name is not shown).
    expect((await anon.get(`/v1/public/sites/${org}`)).status).toBe(404);
    expect((await anon.get(`/v1/public/sites/${org}/llms.txt`)).status).toBe(404);
    const audit = await owner.api.get('/v1/audit-logs?page[size]=50');
    const actions = audit.body.data.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'visibility.knowledge_page.publish',
        'visibility.knowledge_page.unpublish',
        'visibility.knowledge_page.update',
      ]),
    );
  });
});

describe('isolation, roles and bad input', () => {
  it('keeps other organizations out, and never serves another organization pages on a site', async () => {
    const other = await signUp(t.url, 'rival');
    const mine = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      title: 'Mine',
      body_md: 'Private plans.',
    });
    await owner.api.post(`/v1/knowledge-pages/${mine.body.id}/publish`);
    for (const res of [
      await other.api.get(`/v1/knowledge-pages/${mine.body.id}`),
      await other.api.patch(`/v1/knowledge-pages/${mine.body.id}`, { title: 'x' }),
      await other.api.post(`/v1/knowledge-pages/${mine.body.id}/unpublish`),
      await other.api.post(`/v1/knowledge-pages/${mine.body.id}/score`, {}),
      await other.api.delete(`/v1/knowledge-pages/${mine.body.id}`),
      await other.api.post('/v1/knowledge-pages', { project_id: project, title: 'In your project' }),
    ])
      expect(res.status).toBe(404);
    expect((await other.api.get('/v1/knowledge-pages')).body.data).toEqual([]);
    const otherSlug = await orgSlug(other.api);
    expect((await client(t.url).get(`/v1/public/sites/${otherSlug}/pages/mine`)).status).toBe(404);
    expect((await client(t.url).get(`/v1/public/sites/${otherSlug}`)).status).toBe(404);
    expect((await client(t.url).get('/v1/public/sites/no-such-org/pages/mine')).status).toBe(404);
  });

  it('lets viewers read, editors write and publish, and only admins delete', async () => {
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    expect((await viewer.api.get('/v1/knowledge-pages')).status).toBe(200);
    expect((await viewer.api.post('/v1/knowledge-pages', { project_id: project, title: 'v' })).status).toBe(
      403,
    );
    const page = await editor.api.post('/v1/knowledge-pages', {
      project_id: project,
      title: 'By the editor',
      body_md: 'Text.',
    });
    expect(page.status).toBe(201);
    expect((await viewer.api.post(`/v1/knowledge-pages/${page.body.id}/publish`)).status).toBe(403);
    expect((await editor.api.post(`/v1/knowledge-pages/${page.body.id}/publish`)).status).toBe(200);
    expect((await editor.api.delete(`/v1/knowledge-pages/${page.body.id}`)).status).toBe(403);
    expect((await owner.api.delete(`/v1/knowledge-pages/${page.body.id}`)).status).toBe(204);
  });

  it('answers bad input with the error envelope and saves nothing', async () => {
    const before = (await owner.api.get('/v1/knowledge-pages?page[size]=100')).body.data.length;
    const cases = [
      { project_id: project, urls: ['not a url'] },
      { project_id: project, urls: ['ftp://example.com/file'] },
      { project_id: project, urls: ['http://user:pw@example.com/'] },
      { project_id: project, urls: Array.from({ length: 11 }, (_, i) => `${site.url}/p${i}`) },
      { project_id: project },
      { project_id: project, title: 'x', slug: 'Bad Slug' },
      { project_id: project, title: 'x', slug: 'md' },
      { project_id: project, title: 'x', unknown: true },
      { project_id: 'nope', title: 'x' },
    ];
    for (const body of cases) {
      const res = await owner.api.post('/v1/knowledge-pages', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    const bad = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/ok`, 'javascript:alert(1)'],
    });
    expect(bad.body.error.details).toEqual([
      { field: 'urls.1', message: expect.stringMatching(/Only http and https/) },
    ]);
    const taken = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      title: 'Dup',
      slug: 'widgets',
    });
    expect(taken.status).toBe(409);
    const noProvider = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/widgets`],
      engine: 'llm',
    });
    expect(noProvider.status).toBe(409);
    expect(noProvider.body.error.message).toMatch(/No AI provider is configured/);
    expect((await owner.api.get('/v1/knowledge-pages?page[size]=100')).body.data.length).toBe(before);
  });
});

describe('health of any URL', () => {
  it('fetches the page with robots.txt, llms.txt and its Markdown twin', async () => {
    const res = await owner.api.post('/v1/page-health', { url: `${site.url}/widgets` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ url: `${site.url}/widgets`, status: 200 });
    const check = (id: string) => res.body.checks.find((c: { id: string }) => c.id === id);
    expect(check('llms_txt').passed).toBe(true);
    expect(check('markdown_twin')).toMatchObject({ passed: true, details: { fetched: true } });
    expect(check('robots_ai_crawlers').details.robots_txt).toBe('present');
    const bad = await owner.api.post('/v1/page-health', { url: 'gopher://x' });
    expect(bad.status).toBe(422);
    const unreachable = await owner.api.post('/v1/page-health', { url: 'http://127.0.0.1:1/' });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.message).toMatch(/Connection failed/);
  });
});
