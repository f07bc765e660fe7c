import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/ai/semaphore.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

const settle = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

describe('concurrency limit per provider', () => {
  it('never has more requests in flight to a provider than the limit', async () => {
    h.fake.on('claude-haiku-4-5', [{ delayMs: 60, text: 'ok' }]);
    const client = h.client({ concurrency: 2 });
    const calls = Array.from({ length: 7 }, () =>
      client.generateText({
        orgId: newOrg(),
        module: 'visibility',
        model: 'anthropic:claude-haiku-4-5',
        prompt: 'x',
      }),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.text === 'ok')).toBe(true);
    expect(h.fake.requestsFor('claude-haiku-4-5')).toHaveLength(7);
    // Exactly the limit: the calls did overlap, and never beyond it.
    expect(h.fake.maxInFlightFor('claude-haiku-4-5')).toBe(2);
  });
});

describe('abort signal', () => {
  it('cancels a request in flight: no retry, the server sees the disconnect, usage says aborted', async () => {
    h.fake.on('gpt-4.1-hang', [{ hang: true }]);
    const orgId = newOrg();
    const controller = new AbortController();
    const call = h.client().generateText({
      orgId,
      module: 'intel',
      model: 'openai:gpt-4.1-hang',
      prompt: 'x',
      signal: controller.signal,
    });
    await h.fake.waitForRequests('gpt-4.1-hang', 1);
    controller.abort();
    const error = await settle(call);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(h.fake.requestsFor('gpt-4.1-hang')).toHaveLength(1);
    await expect.poll(() => h.fake.inFlight).toBe(0);
    expect(await h.usageRows(orgId)).toMatchObject([{ outcome: 'error', errorCode: 'aborted', attempts: 1 }]);
  });

  it('takes a queued call out of the queue without ever sending it', async () => {
    h.fake.on('gemini-queue', [{ delayMs: 300, text: 'first' }]);
    const client = h.client({ concurrency: 1 });
    const first = client.generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'google:gemini-queue',
      prompt: 'a',
    });
    await h.fake.waitForRequests('gemini-queue', 1);
    const controller = new AbortController();
    const queued = client.generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'google:gemini-queue',
      prompt: 'b',
      signal: controller.signal,
    });
    controller.abort(new Error('user went away'));
    await expect(queued).rejects.toThrow('user went away');
    await expect(first).resolves.toMatchObject({ text: 'first' });
    expect(h.fake.requestsFor('gemini-queue')).toHaveLength(1);
    // The permit the aborted call never took is still there for the next one.
    await expect(
      client.generateText({ orgId: newOrg(), module: 'intel', model: 'google:gemini-queue', prompt: 'c' }),
    ).resolves.toMatchObject({ text: 'first' });
  });

  it('stops waiting between retries when aborted', async () => {
    h.fake.on('gpt-4o-retry', [{ status: 429, headers: { 'retry-after': '4' } }]);
    const controller = new AbortController();
    const call = h.client().generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'openai:gpt-4o-retry',
      prompt: 'x',
      signal: controller.signal,
    });
    await h.fake.waitForRequests('gpt-4o-retry', 1);
    controller.abort();
    expect(await settle(call)).toMatchObject({ name: 'AbortError' });
    expect(h.fake.requestsFor('gpt-4o-retry')).toHaveLength(1);
  });
});

describe('Semaphore', () => {
  it('hands permits over in arrival order and ignores a second release', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const release = await semaphore.acquire();
    const inOrder = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const a = semaphore.acquire().then(inOrder('a'));
    const b = semaphore.acquire().then(inOrder('b'));
    expect(semaphore.waiting).toBe(2);
    release();
    release();
    (await a)();
    (await b)();
    expect(order).toEqual(['a', 'b']);
    expect(semaphore.waiting).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(new Semaphore(1).acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
