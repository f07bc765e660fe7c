import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AiUnavailableError } from '../../src/ai/errors.ts';
import { configuredProviders } from '../../src/ai/providers.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

const verdict = z.object({
  control: z.string(),
  status: z.enum(['met', 'partial', 'missing']),
  score: z.number(),
});
const answer = { control: 'AC-2', status: 'partial', score: 0.5 };

// One current model per provider, each with its list price per million tokens (input, output).
const cases = [
  { address: 'openai:gpt-4.1-mini', dialect: 'openai-responses', price: [0.4, 1.6] },
  { address: 'anthropic:claude-sonnet-4-5', dialect: 'anthropic', price: [3, 15] },
  // An older Claude model answers through the forced `json` tool instead of native structured output.
  { address: 'anthropic:claude-3-5-haiku-latest', dialect: 'anthropic', price: [0.8, 4] },
  { address: 'google:gemini-2.5-flash', dialect: 'google', price: [0.3, 2.5] },
  { address: 'ollama:llama3.2:3b', dialect: 'chat-completions', price: [0, 0] },
] as const;

describe('each provider over its own wire format', () => {
  it.each(cases)('$address returns a validated object and records usage and cost', async (c) => {
    const orgId = newOrg();
    const modelId = c.address.slice(c.address.indexOf(':') + 1);
    h.fake.on(modelId, [{ json: answer, inputTokens: 1200, outputTokens: 300 }]);

    const result = await h.client().generateObject({
      orgId,
      module: 'compliance',
      model: c.address,
      schema: verdict,
      system: 'You assess policies.',
      prompt: 'Assess control AC-2.',
    });

    const cost = Math.round(1200 * c.price[0] + 300 * c.price[1]);
    expect(result).toEqual({
      object: answer,
      usage: { inputTokens: 1200, outputTokens: 300 },
      costMicros: cost,
      model: c.address,
      attempts: 1,
    });
    const [request] = h.fake.requestsFor(modelId);
    expect(request.dialect).toBe(c.dialect);
    expect(request.prompt).toContain('Assess control AC-2.');
    expect(request.prompt).toContain('You assess policies.');
    if (c.address === 'anthropic:claude-sonnet-4-5')
      expect(request.body.output_config).toHaveProperty('format');
    if (c.address === 'anthropic:claude-3-5-haiku-latest')
      expect(request.body.tools).toMatchObject([{ name: 'json' }]);
    const [row] = await h.usageRows(orgId);
    expect(row).toMatchObject({
      module: 'compliance',
      provider: c.address.split(':')[0],
      model: modelId,
      inputTokens: 1200,
      outputTokens: 300,
      costMicros: cost,
      attempts: 1,
      outcome: 'ok',
      errorCode: null,
      jobId: null,
    });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('asks OpenAI for a strict JSON schema and not to store the response', async () => {
    h.fake.on('gpt-4.1', [{ json: answer }]);
    await h.client().generateObject({
      orgId: newOrg(),
      module: 'intel',
      model: 'openai:gpt-4.1',
      schema: verdict,
      schemaName: 'verdict',
      prompt: 'x',
    });
    const { body } = h.fake.requestsFor('gpt-4.1')[0];
    expect(body.store).toBe(false);
    expect(body.text).toMatchObject({ format: { type: 'json_schema', name: 'verdict', strict: true } });
  });

  it('generates plain text and records the job it belongs to', async () => {
    const orgId = newOrg();
    const jobId = newOrg();
    h.fake.on('gemini-2.5-pro', [{ text: 'Acme is mentioned twice.', inputTokens: 40, outputTokens: 8 }]);
    const result = await h.client().generateText({
      orgId,
      jobId,
      module: 'visibility',
      model: 'google:gemini-2.5-pro',
      prompt: 'Which brands are mentioned?',
    });
    expect(result.text).toBe('Acme is mentioned twice.');
    expect(result.costMicros).toBe(Math.round(40 * 1.25 + 8 * 10));
    expect(await h.usageRows(orgId)).toMatchObject([{ jobId, module: 'visibility', outcome: 'ok' }]);
  });

  it('uses the configured default model, then the first configured provider', async () => {
    h.fake.on('claude-haiku-4-5', [{ json: answer }]);
    h.fake.on('gpt-4.1-mini', [{ json: answer }]);
    const params = { orgId: newOrg(), module: 'intel', schema: verdict, prompt: 'x' };
    expect(
      (await h.client({ defaultModel: 'anthropic:claude-haiku-4-5' }).generateObject(params)).model,
    ).toBe('anthropic:claude-haiku-4-5');
    expect((await h.client().generateObject(params)).model).toBe('openai:gpt-4.1-mini');
  });

  it('reaches the OpenAI-compatible server under its generic name as well', async () => {
    h.fake.on('qwen3', [{ text: 'ok' }]);
    const result = await h.client().generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'openai-compatible:qwen3',
      prompt: 'x',
    });
    expect(result.model).toBe('ollama:qwen3');
  });

  it('refuses providers that are not configured, without recording anything', async () => {
    const orgId = newOrg();
    const client = h.client({ anthropic: undefined });
    const call = client.generateText({
      orgId,
      module: 'intel',
      model: 'anthropic:claude-haiku-4-5',
      prompt: 'x',
    });
    await expect(call).rejects.toMatchObject({ name: 'AiUnavailableError', reason: 'not_configured' });
    await expect(
      client.generateText({ orgId, module: 'intel', model: 'gpt-4.1-mini', prompt: 'x' }),
    ).rejects.toBeInstanceOf(AiUnavailableError);
    expect(client.available('anthropic:claude-haiku-4-5')).toBe(false);
    expect(client.available('openai:gpt-4.1-mini')).toBe(true);
    expect(client.providers).toEqual(['openai', 'google', 'ollama']);
    expect(await h.usageRows(orgId)).toEqual([]);
  });

  it('lists configured providers from the config alone', () => {
    expect(configuredProviders({})).toEqual([]);
    expect(configuredProviders(h.fake.config())).toEqual(['openai', 'anthropic', 'google', 'ollama']);
    expect(
      configuredProviders({ openai: { apiKey: '' }, openaiCompatible: { baseUrl: 'http://127.0.0.1:1/v1' } }),
    ).toEqual(['openai-compatible']);
  });
});
