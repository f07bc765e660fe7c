import { llmUsage } from '@assay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import {
  FAKE_KEYS,
  type FakeProviders,
  type FakeRequest,
  startFakeProviders,
} from '../../../core/test/ai/fake-providers.ts';
import { LLM_WARNING } from '../../src/llm/augment.ts';
import { importAttack, ingestText, itemsOf } from './helpers.ts';

const REPORT = [
  'The intruders downloaded further tools onto the host after gaining a foothold.',
  'They then created scheduled tasks (T1053.005) for persistence.',
  'The group calling itself Midnight Lantern ran the operation from start to end.',
].join('\n');

/** A stand-in model: real claims citing the right sentences, plus invented IDs and citations that must be dropped. */
function analyst(request: FakeRequest) {
  const sentences = [...request.prompt.matchAll(/^\[(\d+)\] (.+)$/gm)].map((m) => ({
    n: Number(m[1]),
    text: m[2],
  }));
  const n = (word: string) => sentences.find((s) => s.text.includes(word))?.n ?? 0;
  return {
    json: {
      techniques: [
        { attack_id: 'T1105', sentence: n('downloaded') },
        { attack_id: 'T9999', sentence: n('downloaded') },
        { attack_id: 'T1059', sentence: 999 },
        { attack_id: 'T1053.005', sentence: n('scheduled') },
      ],
      actors: [
        { name: 'Midnight Lantern', attack_id: null, sentence: n('Midnight') },
        { name: 'APT28', attack_id: 'G0007', sentence: 999 },
        { name: 'Ghost Crew', attack_id: null, sentence: n('downloaded') },
        { name: 'Not a group', attack_id: 'T1105', sentence: n('downloaded') },
      ],
    },
    inputTokens: 900,
    outputTokens: 120,
  };
}

let t: TestApp;
let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
  fake.on('analyst', analyst);
  t = await startTestApp({
    env: {
      OPENAI_COMPATIBLE_BASE_URL: `${fake.url}/compatible/v1`,
      OPENAI_COMPATIBLE_API_KEY: FAKE_KEYS.compatible,
      OPENAI_COMPATIBLE_NAME: 'ollama',
      AI_DEFAULT_MODEL: 'ollama:analyst',
    },
  });
  await t.startWorker();
  await importAttack(t.platform.db);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

describe('intel extraction with a language model', () => {
  it('stages only claims that cite a real sentence and an existing ID, marked for review', async () => {
    const owner = await signUp(t.url, 'intel-llm');
    const report = await ingestText(owner.api, REPORT);
    expect(report).toMatchObject({ status: 'review', method: 'llm' });
    const items = await itemsOf(owner.api, report.id);
    const techniques = items.filter((i) => i.kind === 'technique');
    expect(techniques.map((i) => i.value).sort()).toEqual(['T1053.005', 'T1105']);
    const suggested = techniques.find((i) => i.value === 'T1105');
    expect(suggested).toMatchObject({
      name: 'Ingress Tool Transfer',
      confidence: 60,
      warnings: [LLM_WARNING],
    });
    expect(suggested?.sentence).toContain('downloaded further tools');
    const text = (await owner.api.get(`/v1/intel/reports/${report.id}/text`)).body.text as string;
    expect(text.slice(suggested?.occurrences[0].start, suggested?.occurrences[0].end)).toContain(
      'downloaded',
    );
    // The baseline's own find keeps its higher confidence and no warning.
    expect(techniques.find((i) => i.value === 'T1053.005')?.warnings).toEqual([]);
    const actors = items.filter((i) => i.kind === 'actor');
    expect(actors.map((i) => i.value)).toEqual(['Midnight Lantern']);

    await owner.api.post(`/v1/intel/reports/${report.id}/review`, { remaining: 'accept' });
    const actor = (await owner.api.get('/v1/intel/actors')).body.data[0];
    expect(actor).toMatchObject({ name: 'Midnight Lantern', attack_id: null });

    const usage = (await owner.api.get('/v1/ai/usage')).body;
    expect(usage.totals.calls).toBe(fake.requestsFor('analyst').length);
    expect(usage.groups[0]).toMatchObject({ module: 'intel', model: 'analyst' });
  });

  it('runs the baseline alone when the organization chooses it', async () => {
    const owner = await signUp(t.url, 'intel-llm-off');
    const before = fake.requestsFor('analyst').length;
    expect(
      (await owner.api.call('PUT', '/v1/ai/settings', { model: null, engines: { intel: 'baseline' } }))
        .status,
    ).toBe(200);
    const report = await ingestText(owner.api, REPORT);
    expect(report.method).toBe('baseline');
    expect(fake.requestsFor('analyst').length).toBe(before);
    expect((await itemsOf(owner.api, report.id)).some((i) => i.value === 'T1105')).toBe(false);
  });

  it("falls back to the baseline once the month's AI budget is spent, still processing the report", async () => {
    const owner = await signUp(t.url, 'intel-llm-budget');
    await t.platform.db.insert(llmUsage).values({
      orgId: owner.orgId,
      module: 'intel',
      provider: 'ollama',
      model: 'analyst',
      costMicros: 5_000_000, // the free plan's whole monthly budget
      durationMs: 1,
      outcome: 'ok',
    });
    const before = fake.requestsFor('analyst').length;
    const report = await ingestText(owner.api, REPORT);
    expect(report).toMatchObject({ status: 'review', method: 'baseline' });
    expect(fake.requestsFor('analyst').length).toBe(before);
    expect((await itemsOf(owner.api, report.id)).some((i) => i.value === 'T1053.005')).toBe(true);
  });
});
