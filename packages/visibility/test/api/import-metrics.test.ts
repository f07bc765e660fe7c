import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { DEMO_LABEL } from '../../src/demo/sample-answers.ts';
import { seedVisibilityDemo } from '../../src/demo/seed.ts';
import { ANSWER, poll, setUpProject } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
});

const csvQuote = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe('without an LLM provider', () => {
  it('says a scan needs one and how to configure it', async () => {
    const owner = await signUp(t.url, 'noai');
    const setup = await setUpProject(owner.api, ['Which CRM is best?']);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'x',
      models: ['openai:gpt-4.1-mini'],
    });
    expect(set.status).toBe(503);
    expect(set.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(set.body.error.message).toContain('OPENAI_API_KEY');
    expect(set.body.error.message).toContain('Ollama');
    expect(set.body.error.message).toContain('/v1/answers/import');
    const providers = await owner.api.get('/v1/visibility/providers');
    expect(providers.body).toMatchObject({ configured: false, providers: [], default_model: null });
    expect(providers.body.help).toContain('OPENAI_COMPATIBLE_BASE_URL');
  });
});

describe('answer import', () => {
  it('imports JSON rows marked imported, extracted like scanned answers, linked to prompts', async () => {
    const owner = await signUp(t.url, 'import');
    const setup = await setUpProject(owner.api, ['Which CRM is best for a small team?']);
    const res = await owner.api.post('/v1/answers/import', {
      project_id: setup.projectId,
      label: 'Manual checks',
      rows: [
        {
          prompt: 'Which CRM is best for a small team?',
          model: 'chatgpt-web',
          date: '2026-05-01',
          answer: ANSWER,
          citations: ['https://globex.example/blog'],
        },
        {
          prompt: 'Is Acme any good?',
          model: 'claude-web',
          date: '2026-05-02T10:00:00Z',
          answer: 'Acme is excellent and reliable.',
          topic: 'reviews',
          citations: [{ url: 'https://acme.example/', title: 'Acme' }],
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, label: 'Manual checks', prompts_created: 1 });
    const answers = (await owner.api.get(`/v1/answers?project_id=${setup.projectId}&imported=true`)).body
      .data;
    expect(answers).toHaveLength(2);
    const first = answers.find((a: { model: string }) => a.model === 'chatgpt-web');
    expect(first).toMatchObject({
      imported: true,
      import_label: 'Manual checks',
      prompt_id: setup.promptIds[0],
      run_id: null,
      sampled_at: '2026-05-01T00:00:00.000Z',
    });
    expect(first.mentions.find((m: { brand_id: string }) => m.brand_id === setup.ownId).rank).toBe(2);
    expect(first.citations.find((c: { domain: string }) => c.domain === 'globex.example')).toMatchObject({
      class: 'competitor',
      sources: ['annotation'],
    });
    const prompts = (await owner.api.get(`/v1/prompts?project_id=${setup.projectId}`)).body.data;
    expect(prompts.find((p: { text: string }) => p.text === 'Is Acme any good?')).toMatchObject({
      active: false,
      tags: ['imported'],
      topic: 'reviews',
    });
    // Imported answers are not billed.
    const usage = (await owner.api.get('/v1/usage')).body.metrics.find(
      (x: { metric: string }) => x.metric === 'visibility.scan_answers',
    );
    expect(usage?.used ?? 0).toBe(0);
  });

  it('imports CSV with quoted multi-line answers', async () => {
    const owner = await signUp(t.url, 'csv');
    const setup = await setUpProject(owner.api, []);
    const csv = [
      'prompt,model,date,answer,citations,topic',
      `${csvQuote('Best CRM, honestly?')},gpt-4o,2026-04-30,${csvQuote(ANSWER)},https://acme.example/a|https://x.example/b,crm`,
      `Is Globex reliable?,gemini,2026-04-29,"Globex is ""fine"", but Acme is better.",,`,
    ].join('\r\n');
    const res = await owner.api.post('/v1/answers/import', { project_id: setup.projectId, csv });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    expect(res.body.label).toMatch(/^Imported \d{4}-\d{2}-\d{2}$/);
    const answers = (await owner.api.get(`/v1/answers?project_id=${setup.projectId}`)).body.data;
    const multi = answers.find((a: { model: string }) => a.model === 'gpt-4o');
    expect(multi.text).toBe(ANSWER);
    expect(multi.prompt_text).toBe('Best CRM, honestly?');
    expect(multi.provider_citations.map((c: { url: string }) => c.url)).toEqual([
      'https://acme.example/a',
      'https://x.example/b',
    ]);
    expect(answers.find((a: { model: string }) => a.model === 'gemini').text).toBe(
      'Globex is "fine", but Acme is better.',
    );
  });

  it('rejects malformed rows naming each one, and writes nothing', async () => {
    const owner = await signUp(t.url, 'badimport');
    const setup = await setUpProject(owner.api, []);
    const res = await owner.api.post('/v1/answers/import', {
      project_id: setup.projectId,
      rows: [
        { prompt: 'Fine prompt?', model: 'm', date: '2026-05-01', answer: 'Acme.' },
        { prompt: 'Bad date?', model: 'm', date: 'yesterday', answer: 'Acme.' },
        { prompt: 'No answer?', model: 'm', date: '2026-05-01', answer: '' },
        'not an object',
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('3 of 4 rows are invalid; nothing was imported');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['rows[2].date', 'rows[3].answer', 'rows[4]']));
    expect((await owner.api.get(`/v1/answers?project_id=${setup.projectId}`)).body.data).toEqual([]);

    const csv =
      'prompt,model,date,answer\nOk prompt?,m,2026-05-01,Acme\n"multi\nline prompt?",m,someday,Acme\n';
    const bad = await owner.api.post('/v1/answers/import', { project_id: setup.projectId, csv });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toEqual({
      field: 'rows[2].date',
      message: expect.stringContaining('row 2 (line 3)'),
    });
    const noHeader = await owner.api.post('/v1/answers/import', {
      project_id: setup.projectId,
      csv: 'a,b\n1,2',
    });
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.error.details.map((d: { message: string }) => d.message)).toContain(
      'missing column "prompt"',
    );
    const unclosed = await owner.api.post('/v1/answers/import', {
      project_id: setup.projectId,
      csv: 'prompt,model,date,answer\n"oops,m,2026-01-01,x',
    });
    expect(unclosed.status).toBe(422);
    const both = await owner.api.post('/v1/answers/import', { project_id: setup.projectId });
    expect(both.status).toBe(422);
    const other = await signUp(t.url, 'intruder');
    const foreign = await other.api.post('/v1/answers/import', {
      project_id: setup.projectId,
      rows: [{ prompt: 'Hi there?', model: 'm', date: '2026-05-01', answer: 'x' }],
    });
    expect(foreign.status).toBe(404);
  });
});

describe('metrics', () => {
  it('computes per brand, model, prompt, topic and day with the methodology and formulas beside them', async () => {
    const owner = await signUp(t.url, 'metrics');
    const setup = await setUpProject(owner.api, ['Which CRM is best for a small team?']);
    const rows = [
      { model: 'a', date: '2026-05-01T09:00:00Z', answer: ANSWER },
      { model: 'a', date: '2026-05-01T10:00:00Z', answer: 'Globex is great. Acme is fine too.' },
      { model: 'b', date: '2026-05-02T10:00:00Z', answer: 'Globex only.' },
      { model: 'b', date: '2026-05-02T11:00:00Z', answer: 'Nothing relevant here.' },
    ].map((r) => ({ ...r, prompt: 'Which CRM is best for a small team?' }));
    expect((await owner.api.post('/v1/answers/import', { project_id: setup.projectId, rows })).status).toBe(
      201,
    );
    const q = `project_id=${setup.projectId}&from=2026-04-30T00:00:00Z&to=2026-05-03T00:00:00Z`;
    const res = await owner.api.get(`/v1/visibility/metrics?${q}`);
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m.methodology).toMatchObject({
      answers: 4,
      imported_answers: 4,
      scanned_answers: 0,
      runs: 0,
      models: ['a', 'b'],
      web_search: 'n/a',
      interval: 'wilson',
    });
    expect(m.definitions.map((d: { name: string }) => d.name)).toContain('sov_answers');
    const acme = m.overall.brands.find((b: { brand_id: string }) => b.brand_id === setup.ownId);
    expect(acme.mention_rate).toMatchObject({ value: 0.5, successes: 2, n: 4, low_sample: true });
    expect(acme.mention_rate.ci_low).toBeLessThan(0.5);
    expect(acme.sov_answers).toMatchObject({ brand_answers: 2, answers_with_any: 3 });
    expect(acme.position.distribution).toEqual({ '2': 2 });
    expect(m.by_model.map((g: { key: string }) => g.key)).toEqual(['a', 'b']);
    expect(m.by_time.map((g: { key: string }) => g.key)).toEqual(['2026-05-01', '2026-05-02']);
    expect(m.by_topic[0]).toMatchObject({ key: 'crm', answers: 4 });
    expect(m.prompts[0]).toMatchObject({ id: setup.promptIds[0] });
    const onlyB = (await owner.api.get(`/v1/visibility/metrics?${q}&model=b`)).body;
    expect(onlyB.overall.answers).toBe(2);
    expect((await owner.api.get(`/v1/visibility/metrics?${q}&imported=exclude`)).body.overall.answers).toBe(
      0,
    );

    const csv = await owner.api.get(`/v1/visibility/metrics/export?${q}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toMatch(/^dimension,key,label,brand,owned,answers/);
    expect(lines.find((l) => l.startsWith('overall,all,all,Acme,true,4,4,0.5,'))).toBeDefined();

    const answersCsv = await owner.api.get(`/v1/answers/export?project_id=${setup.projectId}`);
    expect(answersCsv.status).toBe(200);
    expect(answersCsv.body as string).toContain('Acme (rank 2');
    const spec = await owner.api.get('/v1/openapi.json');
    expect(spec.status).toBe(200);
    expect(JSON.stringify(spec.body.paths['/v1/visibility/metrics'])).toContain(
      'answers naming the brand / answers naming at least one tracked brand',
    );

    const other = await signUp(t.url, 'metrics-other');
    expect((await other.api.get(`/v1/visibility/metrics?${q}`)).status).toBe(404);
    expect((await other.api.get(`/v1/answers/export?project_id=${setup.projectId}`)).body).not.toContain(
      'Acme',
    );
  });
});

describe('demo data', () => {
  it('gives the demo project brands, prompts, labelled sample answers and a published knowledge page', async () => {
    const owner = await signUp(t.url, 'demo');
    const project = await owner.api.post('/v1/projects', { name: 'Brand visibility' });
    await seedVisibilityDemo(t.platform, {
      orgId: owner.orgId,
      userId: owner.userId,
      projectId: project.body.id,
    });
    const answers = (await owner.api.get(`/v1/answers?project_id=${project.body.id}&page[size]=100`)).body
      .data;
    expect(answers).toHaveLength(12);
    expect(
      answers.every(
        (a: { imported: boolean; import_label: string }) => a.imported && a.import_label === DEMO_LABEL,
      ),
    ).toBe(true);
    expect(DEMO_LABEL).toContain('Sample data');
    const metrics = (await owner.api.get(`/v1/visibility/metrics?project_id=${project.body.id}`)).body;
    expect(metrics.overall.answers).toBe(12);
    const lumora = metrics.brands.find((b: { name: string }) => b.name === 'Lumora');
    const figures = metrics.overall.brands.find((b: { brand_id: string }) => b.brand_id === lumora.id);
    expect(figures.mention_rate.value).toBeGreaterThan(0.5);
    expect(metrics.by_model).toHaveLength(3);
    expect(metrics.by_time.length).toBeGreaterThan(3);
    const negative = (
      await owner.api.get(
        `/v1/answers?project_id=${project.body.id}&brand_id=${lumora.id}&sentiment=negative`,
      )
    ).body.data;
    expect(negative.length).toBeGreaterThan(0);

    // A published knowledge page that scores well and is served on the organization's public site.
    const pages = (await owner.api.get(`/v1/knowledge-pages?project_id=${project.body.id}`)).body.data;
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ status: 'PUBLISHED', slug: 'lumora-analytics-faq' });
    expect(pages[0].health_score).toBeGreaterThanOrEqual(70);
    const org = (await owner.api.get('/v1/org')).body;
    const served = await fetch(`${t.url}/v1/public/sites/${org.slug}/pages/lumora-analytics-faq`);
    expect(served.status).toBe(200);
    expect(JSON.stringify(await served.json())).toContain('FAQPage');
  });
});

describe('tracking a suggested competitor', () => {
  it('extracts stored answers again so the new brand counts in old answers, and drops it from suggestions', async () => {
    const owner = await signUp(t.url, 'suggest');
    const setup = await setUpProject(owner.api, ['Which CRM is best for a small team?']);
    const rows = [1, 2, 3].map((d) => ({
      prompt: 'Which CRM is best for a small team?',
      model: 'm',
      date: `2026-05-0${d}`,
      answer: ANSWER,
    }));
    await owner.api.post('/v1/answers/import', { project_id: setup.projectId, rows });
    const before = (await owner.api.get(`/v1/brands/suggestions?project_id=${setup.projectId}`)).body.data;
    expect(before[0]).toMatchObject({ name: 'Initech', answers: 3, signals: ['list_item'] });

    const added = await owner.api.post('/v1/brands', { project_id: setup.projectId, name: before[0].name });
    expect(added.status).toBe(201);
    const q = `project_id=${setup.projectId}&from=2026-05-01T00:00:00Z&to=2026-05-04T00:00:00Z`;
    const metrics = await poll(
      async () => (await owner.api.get(`/v1/visibility/metrics?${q}`)).body,
      (m) =>
        m.overall.brands.find((b: { brand_id: string }) => b.brand_id === added.body.id)?.mention_rate
          .successes === 3,
      're-extraction',
    );
    const initech = metrics.overall.brands.find((b: { brand_id: string }) => b.brand_id === added.body.id);
    expect(initech.position.distribution).toEqual({ '3': 3 });
    const answers = (
      await owner.api.get(`/v1/answers?project_id=${setup.projectId}&brand_id=${added.body.id}`)
    ).body.data;
    expect(answers).toHaveLength(3);
    expect(
      (await owner.api.get(`/v1/brands/suggestions?project_id=${setup.projectId}`)).body.data.map(
        (s: { name: string }) => s.name,
      ),
    ).not.toContain('Initech');
  });
});
