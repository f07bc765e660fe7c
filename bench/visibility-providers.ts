/**
 * The simulated providers of bench/visibility-scan.ts, in a thread of their own: real providers do not
 * share the platform's event loop, so the simulator should not either. Posts its URL when listening.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeProviders } from '../packages/core/test/ai/fake-providers.ts';
import { ANSWER } from '../packages/visibility/test/api/helpers.ts';

const { models, latencyMs } = workerData as { models: string[]; latencyMs: number };
const fake = await startFakeProviders();
for (const model of models) fake.on(model, () => ({ text: ANSWER, delayMs: latencyMs }));
parentPort?.on('message', async (message: string) => {
  if (message === 'peak')
    parentPort?.postMessage({ peak: Math.max(...models.map((m) => fake.maxInFlightFor(m))) });
  if (message === 'close') {
    await fake.close();
    process.exit(0);
  }
});
parentPort?.postMessage({ url: fake.url });
