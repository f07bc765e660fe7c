import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { FAKE_KEYS, type FakeProviders, startFakeProviders } from '../../../core/test/ai/fake-providers.ts';
import { simulatedAuditor } from '../llm/simulated-model.ts';
import { poll, SAMPLE_POLICY, uploadDocument } from './helpers.ts';

let t: TestApp;
let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
  fake.on('auditor', simulatedAuditor());
  t = await startTestApp({
    env: {
      OPENAI_COMPATIBLE_BASE_URL: `${fake.url}/compatible/v1`,
      OPENAI_COMPATIBLE_API_KEY: FAKE_KEYS.compatible,
      OPENAI_COMPATIBLE_NAME: 'ollama',
      AI_DEFAULT_MODEL: 'ollama:auditor',
    },
  });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

describe('assessments with a configured AI provider', () => {
  it('uses the LLM engine by default, records its cost, and lets the organization choose the baseline', async () => {
    const owner = await signUp(t.url, 'llm');
    const project = (await owner.api.post('/v1/projects', { name: 'llm' })).body.id;
    const doc = await uploadDocument(
      owner.api,
      project,
      Buffer.from(SAMPLE_POLICY),
      'policy.md',
      'text/markdown',
    );
    const started = await owner.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['gdpr'] });
    expect(started.body.engine).toBe('llm');
    const done = await poll(
      async () => (await owner.api.get(`/v1/assessments/${started.body.id}`)).body,
      (a) => a.status !== 'processing',
      'assessment',
    );
    expect(done.status).toBe('completed');
    expect(done.findings.every((f: { method: string }) => f.method === 'llm')).toBe(true);

    const usage = await owner.api.get('/v1/ai/usage');
    expect(usage.status).toBe(200);
    expect(usage.body.totals.calls).toBe(fake.requestsFor('auditor').length);
    expect(usage.body.groups[0]).toMatchObject({
      provider: 'ollama',
      model: 'auditor',
      module: 'compliance',
    });

    const settings = await owner.api.call('PUT', '/v1/ai/settings', {
      model: null,
      engines: { compliance: 'baseline' },
    });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ available: true, providers: ['ollama'] });
    const next = await owner.api.post('/v1/assessments', { document_id: doc.id, frameworks: ['gdpr'] });
    expect(next.body.engine).toBe('baseline');
  });
});
