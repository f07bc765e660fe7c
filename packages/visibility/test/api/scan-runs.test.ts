import { runDueSchedules } from '@assay/core';
import { llmUsage } from '@assay/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { FAKE_KEYS, type FakeProviders, startFakeProviders } from '../../../core/test/ai/fake-providers.ts';
import { startReceiver, waitFor } from '../../../platform/test/webhooks/receiver.ts';
import { visibilityAnswers, visibilityScanRuns } from '../../src/scans/schema.ts';
import { ANSWER, poll, setUpProject, startResponsesWithCitations, waitForRun } from './helpers.ts';

let t: TestApp;
let fake: FakeProviders;
let responses: Awaited<ReturnType<typeof startResponsesWithCitations>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const OPENAI_KEY = 'sk-test-visibility-0123456789';

beforeAll(async () => {
  fake = await startFakeProviders();
  fake.on('alpha', () => ({ text: ANSWER, inputTokens: 20, outputTokens: 40 }));
  // Fails every call for prompts that mention "outage": the run must list them, not drop them.
  fake.on('flaky', (request) =>
    request.prompt.includes('outage') ? { status: 500, message: 'upstream exploded' } : { text: ANSWER },
  );
  fake.on('slow', () => ({ text: ANSWER, delayMs: 20_000 }));
  // The organization's model scores sentiment: negative for a brand whose sentences say "unreliable".
  fake.on('judge', (request) => {
    const brands = [...request.prompt.matchAll(/brand_id=(\S+) name=("[^"]*")((?:\n {4}> .*)*)/g)].map(
      (m) => ({
        brand_id: m[1],
        score: m[3].includes('unreliable') ? -0.7 : 0.4,
        label: m[3].includes('unreliable') ? 'negative' : 'positive',
      }),
    );
    return { json: { brands } };
  });
  responses = await startResponsesWithCitations(OPENAI_KEY);
  receiver = await startReceiver();
  t = await startTestApp({
    env: {
      OPENAI_COMPATIBLE_BASE_URL: `${fake.url}/compatible/v1`,
      OPENAI_COMPATIBLE_API_KEY: FAKE_KEYS.compatible,
      OPENAI_COMPATIBLE_NAME: 'ollama',
      OPENAI_COMPATIBLE_MODEL: 'alpha',
      AI_DEFAULT_MODEL: 'ollama:judge',
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: responses.url,
      AI_MAX_ATTEMPTS: '2',
      AI_RETRY_BASE_DELAY_MS: '5',
      AI_BREAKER_THRESHOLD: '1000',
      AI_CONCURRENCY: '2',
      OUTBOUND_ALLOW_PRIVATE: 'true',
    },
  });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  await responses?.close();
  await receiver?.close();
});

describe('scan runs', () => {
  it('asks every prompt x model x sample, stores answers whole with extraction, and lists failed calls (PARTIAL)', async () => {
    const owner = await signUp(t.url, 'scan');
    const setup = await setUpProject(owner.api, [
      'Which CRM is best for a small team?',
      'Which CRM survived the outage?',
    ]);
    const hook = await owner.api.post('/v1/webhooks/endpoints', {
      url: receiver.url('/scans'),
      event_types: ['scan_run.completed'],
    });
    expect(hook.status).toBe(201);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'two local models',
      models: ['ollama:alpha', 'ollama:flaky'],
      samples_per_prompt: 2,
    });
    expect(set.status).toBe(201);
    const started = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'QUEUED', total_calls: 8, progress: 0 });
    expect(started.body.methodology).toMatchObject({
      models: ['ollama:alpha', 'ollama:flaky'],
      samples_per_prompt: 2,
      web_search: false,
      concurrency_per_provider: 2,
    });

    const run = await waitForRun(owner.api, started.body.id);
    expect(run.status).toBe('PARTIAL');
    expect(run.completed_calls).toBe(6);
    expect(run.failed_calls).toBe(2);
    expect(run.progress).toBe(100);
    expect(run.failures).toHaveLength(2);
    for (const f of run.failures) {
      expect(f).toMatchObject({ model: 'ollama:flaky', prompt_id: setup.promptIds[1], code: 'server_error' });
      expect(f.reason.length).toBeGreaterThan(5);
    }
    expect(new Set(run.failures.map((f: { sample: number }) => f.sample))).toEqual(new Set([1, 2]));
    // The AI layer retried each failing call (2 attempts), and the limiter kept at most 2 in flight per provider.
    expect(fake.requestsFor('flaky').filter((r) => r.prompt.includes('outage'))).toHaveLength(4);
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);

    const [event] = await waitFor(
      () => receiver.at('/scans'),
      (r) => r.length === 1,
      'scan_run.completed',
    );
    expect(event.body).toMatchObject({
      type: 'scan_run.completed',
      org_id: owner.orgId,
      data: {
        scan_run_id: run.id,
        project_id: setup.projectId,
        status: 'partial',
        prompts: 2,
        answers: 6,
        mentions: 18,
        visibility_score: 1,
        links: { api: `/v1/scan-runs/${run.id}` },
      },
    });

    const answers = await owner.api.get(`/v1/answers?run_id=${run.id}&page[size]=100`);
    expect(answers.status).toBe(200);
    expect(answers.body.data).toHaveLength(6);
    const answer = answers.body.data[0];
    expect(answer.text).toBe(ANSWER);
    expect(answer).toMatchObject({ imported: false, run_id: run.id, sentiment_method: 'llm' });
    const acme = answer.mentions.find((m: { brand_id: string }) => m.brand_id === setup.ownId);
    expect(acme).toMatchObject({ brand_name: 'Acme', owned: true, rank: 2, count: 2 });
    expect(ANSWER.slice(acme.spans[0][0], acme.spans[0][1])).toBe('Acme');
    expect(acme.sentiment).toMatchObject({ label: 'negative', score: -0.7, method: 'llm' });
    expect(run.methodology).toMatchObject({ sentiment_method: 'llm', sentiment_model: 'ollama:judge' });
    expect(fake.requestsFor('judge')).toHaveLength(6);
    expect(answer.citations.map((c: { domain: string; class: string }) => [c.domain, c.class])).toEqual(
      expect.arrayContaining([
        ['acme.example', 'owned'],
        ['example.org', 'third_party'],
      ]),
    );
    const alphaAnswer = answers.body.data.find((a: { model: string }) => a.model === 'ollama:alpha');
    expect(alphaAnswer).toMatchObject({ input_tokens: 20, output_tokens: 40 });

    const negative = await owner.api.get(
      `/v1/answers?run_id=${run.id}&sentiment=negative&brand_id=${setup.ownId}`,
    );
    expect(negative.body.data).toHaveLength(6);
    const positive = await owner.api.get(
      `/v1/answers?run_id=${run.id}&sentiment=positive&brand_id=${setup.ownId}`,
    );
    expect(positive.body.data).toHaveLength(0);

    // One usage event per answer received (not per failed call).
    const usage = (await owner.api.get('/v1/usage')).body.metrics.find(
      (x: { metric: string }) => x.metric === 'visibility.scan_answers',
    );
    expect(usage.used).toBe(6);

    const suggestions = await owner.api.get(`/v1/brands/suggestions?project_id=${setup.projectId}`);
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.data[0]).toMatchObject({ name: 'Initech', answers: 6 });
  });

  it('sends web search to providers that support it and keeps the citations they return', async () => {
    const owner = await signUp(t.url, 'web');
    const setup = await setUpProject(owner.api, ['Is Acme worth it?']);
    const refused = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'local with search',
      models: ['ollama:alpha'],
      web_search: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'models[0]' });
    expect(refused.body.error.details[0].message).toContain('cannot search the web');

    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'openai with search',
      models: ['openai:gpt-4.1-mini'],
      web_search: true,
    });
    expect(set.status).toBe(201);
    const started = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    const run = await waitForRun(owner.api, started.body.id);
    expect(run.status).toBe('DONE');
    expect(JSON.stringify(responses.bodies.at(-1)?.tools)).toContain('web_search');
    const [answer] = (await owner.api.get(`/v1/answers?run_id=${run.id}`)).body.data;
    expect(answer.web_search).toBe(true);
    expect(answer.provider_citations).toEqual([
      { url: 'https://www.acme.example/pricing', title: 'Acme pricing' },
      { url: 'https://news.example.net/crm-2026', title: 'CRM roundup' },
    ]);
    expect(answer.mentions[0].sentiment).toMatchObject({ label: 'positive', method: 'llm' });
    const owned = answer.citations.find((c: { domain: string }) => c.domain === 'acme.example');
    expect(owned).toMatchObject({ class: 'owned', brand_id: setup.ownId, sources: ['annotation'] });
  });

  it('cancels a running scan: calls in flight stop, the run says CANCELLED, and a second cancel is a conflict', async () => {
    const owner = await signUp(t.url, 'cancel');
    const setup = await setUpProject(owner.api, ['Slow question one?', 'Slow question two?']);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'slow',
      models: ['ollama:slow'],
    });
    const started = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    await fake.waitForRequests('slow', 1);
    await poll(
      async () => (await owner.api.get(`/v1/scan-runs/${started.body.id}`)).body,
      (r) => r.status === 'RUNNING',
      'running',
    );
    const cancelled = await owner.api.post(`/v1/scan-runs/${started.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    await poll(
      async () => fake.inFlight,
      (n) => n === 0,
      'aborted calls',
      15_000,
    );
    const after = await owner.api.get(`/v1/scan-runs/${started.body.id}`);
    expect(after.body).toMatchObject({ status: 'CANCELLED', completed_calls: 0 });
    expect((await owner.api.post(`/v1/scan-runs/${started.body.id}/cancel`)).status).toBe(409);
  });

  it('fails a run whose model the provider does not know, saying why for every call', async () => {
    const owner = await signUp(t.url, 'ghost');
    const setup = await setUpProject(owner.api, [
      'Which CRM is best for a small team?',
      'And for a large one?',
    ]);
    const providers = await owner.api.get('/v1/visibility/providers');
    expect(providers.body.providers).toEqual(
      expect.arrayContaining([
        { name: 'openai', web_search: true, available: true },
        { name: 'ollama', web_search: false, available: true },
      ]),
    );
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'ghost',
      models: ['ollama:ghost'],
    });
    const started = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    const run = await waitForRun(owner.api, started.body.id);
    expect(run).toMatchObject({ status: 'FAILED', completed_calls: 0, failed_calls: 2 });
    expect(run.error).toContain('No call produced an answer');
    for (const f of run.failures) {
      expect(f.model).toBe('ollama:ghost');
      expect(f.code).not.toBe('internal');
      expect(f.reason.length).toBeGreaterThan(5);
    }
  });

  it('resumes a run whose job is delivered again: answered calls are skipped, the rest are asked', async () => {
    const owner = await signUp(t.url, 'resume');
    const setup = await setUpProject(owner.api, [
      'Which CRM is best for a small team?',
      'And for a large one?',
    ]);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'r',
      models: ['ollama:alpha'],
      samples_per_prompt: 2,
    });
    const started = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    const first = await waitForRun(owner.api, started.body.id);
    expect(first.completed_calls).toBe(4);
    // As if the worker died after two answers: those two are gone and the run is still RUNNING.
    const stored = await t.platform.db
      .select({ id: visibilityAnswers.id })
      .from(visibilityAnswers)
      .where(eq(visibilityAnswers.runId, first.id));
    await t.platform.db.delete(visibilityAnswers).where(
      inArray(
        visibilityAnswers.id,
        stored.slice(0, 2).map((a) => a.id),
      ),
    );
    await t.platform.db
      .update(visibilityScanRuns)
      .set({ status: 'RUNNING', finishedAt: null })
      .where(eq(visibilityScanRuns.id, first.id));
    const before = fake.requestsFor('alpha').length;
    await t.platform.jobs.submit({
      orgId: owner.orgId,
      name: 'visibility.scan',
      payload: { orgId: owner.orgId, runId: first.id },
      idempotencyKey: `redelivery:${first.id}`,
    });
    const resumed = await waitForRun(owner.api, first.id);
    expect(resumed).toMatchObject({ status: 'DONE', completed_calls: 4, failed_calls: 0 });
    expect(fake.requestsFor('alpha').length - before).toBe(2);
    expect((await owner.api.get(`/v1/answers?run_id=${first.id}`)).body.data).toHaveLength(4);
  });

  it('refuses scans that cannot run, with the reason in the envelope', async () => {
    const owner = await signUp(t.url, 'bad');
    const empty = await owner.api.post('/v1/projects', { name: 'empty' });
    await owner.api.post('/v1/brands', { project_id: empty.body.id, name: 'Acme', owned: true });
    const set = await owner.api.post('/v1/model-sets', {
      project_id: empty.body.id,
      name: 's',
      models: ['ollama:alpha'],
    });
    const noPrompts = await owner.api.post('/v1/scan-runs', {
      project_id: empty.body.id,
      model_set_id: set.body.id,
    });
    expect(noPrompts.status).toBe(422);
    expect(noPrompts.body.error.message).toContain('no active prompts');
    const emptyList = await owner.api.post('/v1/scan-runs', {
      project_id: empty.body.id,
      model_set_id: set.body.id,
      prompt_ids: [],
    });
    expect(emptyList.status).toBe(422);
    expect(emptyList.body.error.code).toBe('VALIDATION_ERROR');

    const unknownProvider = await owner.api.post('/v1/model-sets', {
      project_id: empty.body.id,
      name: 'x',
      models: ['ollama:alpha', 'mistral:large'],
    });
    expect(unknownProvider.status).toBe(422);
    expect(unknownProvider.body.error.details).toEqual([
      { field: 'models[1]', message: expect.stringContaining('"mistral" is not configured') },
    ]);
    const notAnAddress = await owner.api.post('/v1/model-sets', {
      project_id: empty.body.id,
      name: 'x',
      models: ['gpt4'],
    });
    expect(notAnAddress.status).toBe(422);
    const tooManySamples = await owner.api.post('/v1/model-sets', {
      project_id: empty.body.id,
      name: 'x',
      models: ['ollama:alpha'],
      samples_per_prompt: 1000,
    });
    expect(tooManySamples.status).toBe(422);

    const bulk = await owner.api.post('/v1/prompts/bulk', {
      project_id: empty.body.id,
      prompts: [{ text: 'First pasted question?' }, { text: 'Second pasted question?', topic: 'pasted' }],
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.data.map((p: { topic: string | null }) => p.topic)).toEqual([null, 'pasted']);
    const badBulk = await owner.api.post('/v1/prompts/bulk', {
      project_id: empty.body.id,
      prompts: [{ text: 'Fine?' }, { text: '' }],
    });
    expect(badBulk.status).toBe(422);
    expect(badBulk.body.error.details[0].field).toContain('prompts.1.text');
    expect((await owner.api.get(`/v1/prompts?project_id=${empty.body.id}`)).body.data).toHaveLength(2);
    const huge = await owner.api.post('/v1/prompts', { project_id: empty.body.id, text: 'x'.repeat(5000) });
    expect(huge.status).toBe(422);
    const enormous = await owner.api.post('/v1/prompts', {
      project_id: empty.body.id,
      text: 'y'.repeat(3_000_000),
    });
    expect([413, 422]).toContain(enormous.status);
    expect(enormous.body.error).toBeDefined();

    const duplicate = await owner.api.post('/v1/brands', { project_id: empty.body.id, name: 'acme' });
    expect(duplicate.status).toBe(409);
    const badDomain = await owner.api.post('/v1/brands', {
      project_id: empty.body.id,
      name: 'Zed',
      domains: ['https://zed.example/x'],
    });
    expect(badDomain.status).toBe(422);
  });

  it("refuses a scan with 402 once the month's AI budget is spent, and queues nothing", async () => {
    const owner = await signUp(t.url, 'budget');
    const setup = await setUpProject(owner.api, ['Which CRM is best?']);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 'one',
      models: ['ollama:alpha'],
    });
    // The free plan's budget is 5 USD; this month's recorded calls already cost 5.
    await t.platform.db.insert(llmUsage).values({
      orgId: owner.orgId,
      module: 'visibility',
      provider: 'ollama',
      model: 'alpha',
      costMicros: 5_000_000,
      durationMs: 1,
      outcome: 'ok',
    });
    const refused = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'llm.cost_micros', limit: 5_000_000, used: 5_000_000 },
    });
    expect((await owner.api.get(`/v1/scan-runs?project_id=${setup.projectId}`)).body.data).toEqual([]);
  });

  it('keeps organizations apart and follows roles', async () => {
    const owner = await signUp(t.url, 'tenant');
    const setup = await setUpProject(owner.api, ['Which CRM is best for a small team?']);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 's',
      models: ['ollama:alpha'],
    });
    const run = await owner.api.post('/v1/scan-runs', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
    });
    await waitForRun(owner.api, run.body.id);

    const other = await signUp(t.url, 'other');
    expect((await other.api.get(`/v1/scan-runs/${run.body.id}`)).status).toBe(404);
    expect((await other.api.get(`/v1/brands/${setup.ownId}`)).status).toBe(404);
    expect((await other.api.patch(`/v1/brands/${setup.ownId}`, { name: 'Mine' })).status).toBe(404);
    expect((await other.api.delete(`/v1/prompts/${setup.promptIds[0]}`)).status).toBe(404);
    expect((await other.api.post(`/v1/scan-runs/${run.body.id}/cancel`)).status).toBe(404);
    expect(
      (await other.api.post('/v1/scan-runs', { project_id: setup.projectId, model_set_id: set.body.id }))
        .status,
    ).toBe(404);
    expect((await other.api.get('/v1/answers')).body.data).toEqual([]);
    expect((await other.api.get(`/v1/brands?project_id=${setup.projectId}`)).body.data).toEqual([]);

    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get(`/v1/scan-runs/${run.body.id}`)).status).toBe(200);
    expect((await viewer.api.get(`/v1/answers?run_id=${run.body.id}`)).body.data).toHaveLength(1);
    expect((await viewer.api.post('/v1/brands', { project_id: setup.projectId, name: 'Nope' })).status).toBe(
      403,
    );
    expect(
      (await viewer.api.post('/v1/scan-runs', { project_id: setup.projectId, model_set_id: set.body.id }))
        .status,
    ).toBe(403);
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    expect(
      (await editor.api.post('/v1/prompts', { project_id: setup.projectId, text: 'Another question?' }))
        .status,
    ).toBe(201);
    expect((await editor.api.delete(`/v1/brands/${setup.rivalId}`)).status).toBe(403);
    expect((await owner.api.delete(`/v1/brands/${setup.rivalId}`)).status).toBe(204);
  });

  it('runs scans on a cron schedule per project, and stops when the schedule is deleted', async () => {
    const owner = await signUp(t.url, 'cron');
    // This organization chose the lexicon for visibility: its runs say so and make no sentiment calls.
    const settings = await owner.api.call('PUT', '/v1/ai/settings', {
      model: null,
      engines: { visibility: 'baseline' },
    });
    expect(settings.status).toBe(200);
    const setup = await setUpProject(owner.api, ['Which CRM is best for a small team?']);
    const set = await owner.api.post('/v1/model-sets', {
      project_id: setup.projectId,
      name: 's',
      models: ['ollama:alpha'],
    });
    const bad = await owner.api.post('/v1/scan-schedules', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
      cron: 'every monday',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('cron');
    const badZone = await owner.api.post('/v1/scan-schedules', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
      cron: '0 6 * * 1',
      timezone: 'Mars/Olympus',
    });
    expect(badZone.status).toBe(422);

    const created = await owner.api.post('/v1/scan-schedules', {
      project_id: setup.projectId,
      model_set_id: set.body.id,
      cron: '0 6 * * 1',
      timezone: 'Europe/Paris',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      cron: '0 6 * * 1',
      timezone: 'Europe/Paris',
      enabled: true,
      last_run_id: null,
    });
    const next = new Date(created.body.next_run_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());

    await runDueSchedules(t.platform.jobs, new Date(next.getTime() + 1000));
    const scheduled = await poll(
      async () => (await owner.api.get(`/v1/scan-runs?project_id=${setup.projectId}`)).body.data,
      (runs) => runs.length === 1,
      'scheduled run',
    );
    expect(scheduled[0].schedule_id).toBe(created.body.id);
    const finished = await waitForRun(owner.api, scheduled[0].id);
    expect(finished.status).toBe('DONE');
    expect(finished.methodology).toMatchObject({ sentiment_method: 'baseline', sentiment_model: null });
    const [answer] = (await owner.api.get(`/v1/answers?run_id=${finished.id}`)).body.data;
    expect(answer.sentiment_method).toBe('baseline');
    expect(answer.mentions[0].sentiment.method).toBe('baseline');
    expect((await owner.api.get(`/v1/scan-schedules/${created.body.id}`)).body.last_run_id).toBe(
      scheduled[0].id,
    );

    const paused = await owner.api.patch(`/v1/scan-schedules/${created.body.id}`, { enabled: false });
    expect(paused.body).toMatchObject({ enabled: false, next_run_at: null });
    const other = await signUp(t.url, 'cron-other');
    expect((await other.api.delete(`/v1/scan-schedules/${created.body.id}`)).status).toBe(404);
    expect((await owner.api.delete(`/v1/scan-schedules/${created.body.id}`)).status).toBe(204);
    expect((await owner.api.get(`/v1/scan-schedules?project_id=${setup.projectId}`)).body.data).toEqual([]);
  });
});
