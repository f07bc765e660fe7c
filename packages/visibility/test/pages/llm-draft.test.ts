import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { FAKE_KEYS, type FakeProviders, startFakeProviders } from '../../../core/test/ai/fake-providers.ts';
import { drafted, newProject } from './helpers.ts';
import { type SiteServer, startSite } from './site-server.ts';

let t: TestApp;
let fake: FakeProviders;
let site: SiteServer;
beforeAll(async () => {
  site = await startSite();
  fake = await startFakeProviders();
  // A writer that restates the sources: its FAQ holds one question the sources answer.
  fake.on('writer', () => ({
    json: {
      title: 'Acme Widgets for factories',
      description: 'Durable stainless steel widgets from Acme, shipped within five working days.',
      intro: ['Acme Widgets are durable industrial widgets built for factories.'],
      sections: [
        {
          heading: 'Materials',
          paragraphs: ['Each widget is machined from marine-grade stainless steel.'],
          items: [],
        },
      ],
      faq: [{ question: 'Do you ship to Asia?', answer: 'Yes, to Japan, Korea and Singapore.' }],
    },
    inputTokens: 900,
    outputTokens: 200,
  }));
  fake.on('broken', () => ({ status: 400, message: 'model not found' }));
  fake.on('rambler', () => ({ json: { text: 'Here is your page!' } }));
  t = await startTestApp({
    env: {
      OUTBOUND_ALLOW_PRIVATE: 'true',
      OPENAI_COMPATIBLE_BASE_URL: `${fake.url}/compatible/v1`,
      OPENAI_COMPATIBLE_API_KEY: FAKE_KEYS.compatible,
      OPENAI_COMPATIBLE_NAME: 'ollama',
      AI_DEFAULT_MODEL: 'ollama:writer',
    },
  });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  await site?.close();
});

describe('drafting with a configured AI provider', () => {
  it('writes the draft with the LLM from the crawled text, labelled llm, with JSON-LD from the result', async () => {
    const owner = await signUp(t.url, 'writer');
    const project = await newProject(owner.api);
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/widgets`],
    });
    expect(created.body.method).toBe('llm');
    const page = await drafted(owner.api, created.body.id);
    expect(page).toMatchObject({
      generation: 'done',
      method: 'llm',
      title: 'Acme Widgets for factories',
      error: null,
    });
    expect(fake.requestsFor('writer')[0].prompt).toContain('Orders ship within five working days');
    expect(page.body_md).toContain('### Do you ship to Asia?\n\nYes, to Japan, Korea and Singapore.');
    const faq = page.json_ld[0]['@graph'].find((e: { '@type': string }) => e['@type'] === 'FAQPage');
    expect(faq.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'Do you ship to Asia?',
        acceptedAnswer: { '@type': 'Answer', text: 'Yes, to Japan, Korea and Singapore.' },
      },
    ]);
    const baseline = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/about`],
      engine: 'baseline',
    });
    expect((await drafted(owner.api, baseline.body.id)).method).toBe('baseline');
  });

  it("follows the organization's engine setting", async () => {
    const owner = await signUp(t.url, 'settings');
    const project = await newProject(owner.api);
    await owner.api.call('PUT', '/v1/ai/settings', { model: null, engines: { visibility: 'baseline' } });
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/about`],
    });
    expect(created.body.method).toBe('baseline');
  });

  it('falls back to the extractive draft when the model refuses, and says so', async () => {
    const owner = await signUp(t.url, 'fallback');
    const project = await newProject(owner.api);
    expect(
      (await owner.api.call('PUT', '/v1/ai/settings', { model: 'ollama:broken', engines: {} })).status,
    ).toBe(200);
    const created = await owner.api.post('/v1/knowledge-pages', {
      project_id: project,
      urls: [`${site.url}/widgets`],
    });
    expect(created.body.method).toBe('llm');
    const page = await drafted(owner.api, created.body.id);
    expect(page).toMatchObject({
      generation: 'done',
      method: 'baseline',
      title: 'Acme Widgets',
      error: expect.stringMatching(
        /language model was unavailable \(rejected\); this is the extractive draft/,
      ),
    });
  });
});
