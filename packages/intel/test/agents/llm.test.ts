import { llmUsage } from '@assay/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import {
  FAKE_KEYS,
  type FakeProviders,
  type FakeRequest,
  startFakeProviders,
} from '../../../core/test/ai/fake-providers.ts';
import { type Api, poll } from './helpers.ts';

const REPORTS = [
  'Operators sent invoices with macros. The actor used PowerShell scripts to download the second stage from 198.51.100.20 and files-drop[.]top.',
  'A follow-up intrusion reused spearphishing attachments (T1566.001). The loader persisted through a scheduled task.',
];

/** The model: JSON mappings for the ATT&CK prompt (one valid, two that must be refused), prose otherwise. */
function analyst(request: FakeRequest) {
  if (request.prompt.includes('Sentences:'))
    return {
      json: {
        mappings: [
          { technique_id: 't1059.001', sentence: 2, rationale: 'PowerShell used to download' },
          { technique_id: 'T99', sentence: 1, rationale: 'not an id' },
          { technique_id: 'T1053.005', sentence: 999, rationale: 'no such sentence' },
        ],
      },
      inputTokens: 900,
      outputTokens: 100,
    };
  if (request.prompt.includes('summarise threat reports'))
    return {
      text: 'MODEL SUMMARY: invoice lures lead to a PowerShell downloader.',
      inputTokens: 1000,
      outputTokens: 200,
    };
  return {
    text: 'MODEL BRIEFING: phishing attachments remain the main way in.',
    inputTokens: 500,
    outputTokens: 80,
  };
}

let t: TestApp;
let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
  fake.on('gpt-4o-mini', analyst);
  t = await startTestApp({
    env: {
      OPENAI_BASE_URL: `${fake.url}/openai/v1`,
      OPENAI_API_KEY: FAKE_KEYS.openai,
      AI_DEFAULT_MODEL: 'openai:gpt-4o-mini',
    },
  });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const runToEnd = async (api: Api, agentId: string) => {
  const started = await api.post(`/v1/intel/agents/${agentId}/run`);
  expect(started.status).toBe(202);
  return poll(
    async () => (await api.get(`/v1/intel/agent-runs/${started.body.id}`)).body,
    (r) => r.status === 'completed' || r.status === 'failed',
    'agent run',
    60_000,
  );
};

const download = async (owner: { token: string; orgId: string }, id: string) =>
  (
    await fetch(`${t.url}/v1/intel/artifacts/${id}/download`, {
      headers: { authorization: `Bearer ${owner.token}`, 'x-org-id': owner.orgId },
    })
  ).text();

describe('agents with an LLM provider', () => {
  it('summarise, map to ATT&CK and report trends with the model, recording each run token cost', async () => {
    const owner = await signUp(t.url, 'llm-agents');
    const projectId = (await owner.api.post('/v1/projects', { name: 'llm' })).body.id;
    for (const text of REPORTS) {
      const created = await owner.api.post('/v1/intel/reports', {
        source: 'text',
        text,
        project_id: projectId,
      });
      expect(created.status).toBe(202);
      await poll(
        async () => (await owner.api.get(`/v1/intel/reports/${created.body.id}`)).body,
        (r) => r.status !== 'processing',
        'extraction',
      );
    }

    const summariser = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Summaries',
      kind: 'summarise_new_reports',
    });
    const run = await runToEnd(owner.api, summariser.body.id);
    expect(run).toMatchObject({
      status: 'completed',
      method: 'llm',
      llm_calls: 2,
      input_tokens: 2000,
      output_tokens: 400,
    });
    const rows = await t.platform.db.select().from(llmUsage).where(eq(llmUsage.jobId, run.job_id));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.module === 'intel')).toBe(true);
    expect(run.cost_micros).toBe(rows.reduce((sum, r) => sum + Number(r.costMicros), 0));
    expect(run.cost_micros).toBeGreaterThan(0);
    const summaries = await download(owner, run.artifact_ids[0]);
    expect(summaries).toContain('MODEL SUMMARY');
    expect(summaries).toContain('_Summary written by a language model._');

    // Only reports newer than the last completed run are "new".
    const rerun = await runToEnd(owner.api, summariser.body.id);
    expect(rerun).toMatchObject({ method: 'baseline', llm_calls: 0, cost_micros: 0 });
    expect(rerun.summary.reports).toBe(0);

    const mapper = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Mapper',
      kind: 'map_to_attack',
    });
    const mapped = await runToEnd(owner.api, mapper.body.id);
    expect(mapped).toMatchObject({ method: 'llm', llm_calls: 2 });
    expect(mapped.summary).toMatchObject({ reports: 2, refused_model_claims: 4 });
    const data = JSON.parse(
      await download(
        owner,
        (await owner.api.get(`/v1/intel/artifacts?agent_id=${mapper.body.id}&kind=attack_mapping_data`)).body
          .data[0].id,
      ),
    );
    const [first, second] = data.reports;
    expect(first.mappings).toEqual([
      expect.objectContaining({
        technique_id: 'T1059.001',
        source: 'llm',
        sentence:
          'The actor used PowerShell scripts to download the second stage from 198.51.100.20 and files-drop[.]top.',
      }),
    ]);
    expect(
      second.mappings.map((m: { technique_id: string; source: string }) => [m.technique_id, m.source]),
    ).toEqual([
      ['T1566.001', 'extraction'],
      ['T1059.001', 'llm'],
    ]);

    const trends = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Trends',
      kind: 'weekly_trend_report',
    });
    const trendRun = await runToEnd(owner.api, trends.body.id);
    expect(trendRun).toMatchObject({ method: 'llm', llm_calls: 1, input_tokens: 500, output_tokens: 80 });
    const report = await download(
      owner,
      trendRun.artifact_ids.length
        ? (await owner.api.get(`/v1/intel/artifacts?agent_id=${trends.body.id}&kind=trend_report`)).body
            .data[0].id
        : '',
    );
    expect(report).toMatch(/^# Threat trends /);
    expect(report).toContain('## Analyst briefing (written by a language model from the figures above)');
    expect(report).toContain('MODEL BRIEFING');
    const briefingPrompt = fake.requestsFor('gpt-4o-mini').at(-1)!.prompt;
    expect(briefingPrompt).toContain('2 report(s) ingested');
  });

  it('falls back to the labelled baseline when the organization turns the LLM off for intel', async () => {
    const owner = await signUp(t.url, 'llm-off');
    const projectId = (await owner.api.post('/v1/projects', { name: 'off' })).body.id;
    const created = await owner.api.post('/v1/intel/reports', {
      source: 'text',
      text: REPORTS[0],
      project_id: projectId,
    });
    await poll(
      async () => (await owner.api.get(`/v1/intel/reports/${created.body.id}`)).body,
      (r) => r.status !== 'processing',
      'extraction',
    );
    expect(
      (await owner.api.call('PUT', '/v1/ai/settings', { model: null, engines: { intel: 'baseline' } }))
        .status,
    ).toBe(200);
    const before = fake.requests.length;
    const agent = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Summaries',
      kind: 'summarise_new_reports',
    });
    const run = await runToEnd(owner.api, agent.body.id);
    expect(run).toMatchObject({ status: 'completed', method: 'baseline', llm_calls: 0, cost_micros: 0 });
    expect(fake.requests.length).toBe(before);
    const text = await download(owner, run.artifact_ids[0]);
    expect(text).toContain('Operators sent invoices with macros.');
    expect(text).toContain('_Opening sentences (method: baseline)._');
  });
});
