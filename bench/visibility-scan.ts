/**
 * Seed 001's scan: 10 prompts x 3 models x 3 samples (90 calls) through the real API, queue, worker,
 * AI layer, extraction and database, against three providers (OpenAI, Anthropic, an OpenAI-compatible
 * server) simulated on loopback (in a thread of their own) with a fixed latency per call. Prints the wall time from
 * POST /v1/scan-runs to DONE and its ratio to the ideal the per-provider concurrency limit allows
 * (ceil(calls per provider / limit) x latency; goal <= 1.1), and to a bare baseline measured in the
 * same run: the same 90 requests sent straight to the simulator with the same limits, nothing else.
 */
import './env.ts';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { FAKE_KEYS } from '../packages/core/test/ai/fake-providers.ts';
import { startTestApp } from '../test/support/app.ts';
import { signUp } from '../test/support/client.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { envInt, table } from './format.ts';

const PROMPTS = envInt('BENCH_PROMPTS', 10);
const SAMPLES = envInt('BENCH_SAMPLES', 3);
const LATENCY_MS = envInt('BENCH_LATENCY_MS', 1000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 4);
const MODELS = ['openai:bench-a', 'anthropic:bench-b', 'ollama:bench-c'];

const dropTemplate = await setupTemplate();
const simulator = new Worker(new URL('./visibility-providers.ts', import.meta.url), {
  workerData: { models: ['bench-a', 'bench-b', 'bench-c'], latencyMs: LATENCY_MS },
});
const ask = <T>(message: string) =>
  new Promise<T>((resolve) => simulator.once('message', resolve).postMessage(message));
const fake = await new Promise<{ url: string }>((resolve) => simulator.once('message', resolve));
const app = await startTestApp({
  env: {
    OPENAI_API_KEY: FAKE_KEYS.openai,
    OPENAI_BASE_URL: `${fake.url}/openai/v1`,
    ANTHROPIC_API_KEY: FAKE_KEYS.anthropic,
    ANTHROPIC_BASE_URL: `${fake.url}/anthropic/v1`,
    OPENAI_COMPATIBLE_BASE_URL: `${fake.url}/compatible/v1`,
    OPENAI_COMPATIBLE_API_KEY: FAKE_KEYS.compatible,
    OPENAI_COMPATIBLE_NAME: 'ollama',
    AI_CONCURRENCY: String(CONCURRENCY),
  },
});
await app.startWorker();

try {
  const owner = await signUp(app.url, 'bench');
  // Sentiment by the lexicon: the bench times the scan's own calls, not one more LLM call per answer.
  await owner.api.call('PUT', '/v1/ai/settings', { model: null, engines: { visibility: 'baseline' } });
  const project = (await owner.api.post('/v1/projects', { name: 'bench' })).body.id;
  await owner.api.post('/v1/brands', {
    project_id: project,
    name: 'Acme',
    domains: ['acme.example'],
    owned: true,
  });
  await owner.api.post('/v1/brands', { project_id: project, name: 'Globex' });
  for (let i = 1; i <= PROMPTS; i++) {
    await owner.api.post('/v1/prompts', { project_id: project, text: `Which CRM is best for team ${i}?` });
  }
  const set = await owner.api.post('/v1/model-sets', {
    project_id: project,
    name: 'bench',
    models: MODELS,
    samples_per_prompt: SAMPLES,
  });
  const calls = PROMPTS * MODELS.length * SAMPLES;
  const ideal = Math.ceil((PROMPTS * SAMPLES) / CONCURRENCY) * LATENCY_MS;

  // Baseline: the same requests straight to the simulator, same per-provider limit, no platform.
  const bareStarted = performance.now();
  await Promise.all(
    MODELS.map(async (address) => {
      const model = address.split(':')[1];
      let left = PROMPTS * SAMPLES;
      const lane = async () => {
        while (left-- > 0) {
          await fetch(`${fake.url}/compatible/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${FAKE_KEYS.compatible}` },
            body: JSON.stringify({ model, messages: [{ role: 'user', content: 'q' }] }),
          }).then((r) => r.text());
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    }),
  );
  const bare = performance.now() - bareStarted;

  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  const run = await owner.api.post('/v1/scan-runs', { project_id: project, model_set_id: set.body.id });
  if (run.status !== 202) throw new Error(`scan not started: ${run.status} ${JSON.stringify(run.body)}`);
  let status = run.body;
  while (!['DONE', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(status.status)) {
    // Polling faster would run into the plan's API rate limit; the wall time is read from the run itself.
    await new Promise((r) => setTimeout(r, 200));
    status = (await owner.api.get(`/v1/scan-runs/${run.body.id}`)).body;
  }
  const observed = performance.now() - started;
  lag.disable();
  // From the QUEUED record to the final status, as the server stamped them (no polling delay in it).
  const wall = Date.parse(status.finished_at) - Date.parse(status.created_at);
  const { peak } = await ask<{ peak: number }>('peak');

  console.log(
    `visibility scan: ${PROMPTS} prompts x ${MODELS.length} models x ${SAMPLES} samples = ${calls} calls`,
  );
  console.log(
    `simulated latency ${LATENCY_MS} ms per call, at most ${CONCURRENCY} in flight per provider (peak seen: ${peak})\n`,
  );
  console.log(
    table([
      ['measure', 'ms'],
      ['ideal (ceil(30 / limit) x latency)', ideal.toFixed(0)],
      ['bare requests, same limits', bare.toFixed(0)],
      ['scan: QUEUED record -> DONE', wall.toFixed(0)],
      ['scan as the client saw it (200 ms polls)', observed.toFixed(0)],
    ]),
  );
  const queued = Date.parse(status.started_at) - Date.parse(status.created_at);
  const working = Date.parse(status.finished_at) - Date.parse(status.started_at);
  console.log(`\nof which: waiting for a worker ${queued} ms, the run itself ${working} ms`);
  const answers = (await owner.api.get(`/v1/answers?run_id=${run.body.id}&page[size]=100`)).body.data as {
    model: string;
    sampled_at: string;
    latency_ms: number;
  }[];
  for (const model of MODELS) {
    const own = answers.filter((a) => a.model === model);
    const last = Math.max(...own.map((a) => Date.parse(a.sampled_at))) - Date.parse(status.started_at);
    const mean = own.reduce((sum, a) => sum + a.latency_ms, 0) / own.length;
    console.log(
      `  ${model.padEnd(20)} last answer stored at ${last} ms, mean call ${mean.toFixed(0)} ms (queueing for a slot included)`,
    );
  }
  console.log(
    `event loop delay during the scan: mean ${(lag.mean / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
  );
  console.log(
    `run status ${status.status}: ${status.completed_calls} answered, ${status.failed_calls} failed`,
  );
  const ratio = wall / ideal;
  console.log(`scan / ideal      ${ratio.toFixed(3)}   (goal <= 1.1: ${ratio <= 1.1 ? 'met' : 'NOT MET'})`);
  console.log(`scan / bare       ${(wall / bare).toFixed(3)}`);
  console.log(`seed 001 target: 10 prompts x 3 models under 5 minutes: ${(wall / 1000).toFixed(1)} s`);
} finally {
  await app.close();
  simulator.postMessage('close');
  await dropTemplate?.();
}
