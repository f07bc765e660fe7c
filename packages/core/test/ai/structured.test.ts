import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AiOutputError } from '../../src/ai/errors.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

const indicators = z.object({
  indicators: z.array(z.object({ type: z.enum(['ip', 'domain', 'hash']), value: z.string().min(1) })),
});
const valid = { indicators: [{ type: 'domain', value: 'evil.example' }] };

const extract = (model: string, orgId = newOrg()) =>
  h.client().generateObject({
    orgId,
    module: 'intel',
    model,
    schema: indicators,
    prompt: 'Extract the indicators from: evil.example was seen.',
  });

describe('structured output', () => {
  it('repairs malformed JSON once, telling the model what was wrong', async () => {
    h.fake.on('gpt-4.1-repair', [
      { text: '{"indicators": [{"type": "domain", "value": "evil.exa', inputTokens: 100, outputTokens: 20 },
      { json: valid, inputTokens: 150, outputTokens: 25 },
    ]);
    const orgId = newOrg();
    const result = await extract('openai:gpt-4.1-repair', orgId);
    expect(result).toMatchObject({
      object: valid,
      attempts: 2,
      usage: { inputTokens: 250, outputTokens: 45 },
    });
    const [, repair] = h.fake.requestsFor('gpt-4.1-repair');
    expect(repair.prompt).toContain('Extract the indicators from: evil.example was seen.');
    expect(repair.prompt).toContain('"value": "evil.exa');
    expect(repair.prompt).toContain('the reply was not valid JSON');
    expect(await h.usageRows(orgId)).toMatchObject([
      { outcome: 'ok', attempts: 2, inputTokens: 250, outputTokens: 45 },
    ]);
  });

  it('repairs JSON that does not match the schema, naming the failing fields', async () => {
    h.fake.on('claude-sonnet-4-repair', [
      { json: { indicators: [{ type: 'url', value: '' }] } },
      { json: valid },
    ]);
    const result = await extract('anthropic:claude-sonnet-4-repair');
    expect(result.object).toEqual(valid);
    const repair = h.fake.requestsFor('claude-sonnet-4-repair')[1];
    expect(repair.prompt).toContain('did not match the schema');
    expect(repair.prompt).toContain('indicators.0.type');
    expect(repair.prompt).toContain('indicators.0.value');
  });

  it('fails with AiOutputError when the repair is no better, recording the tokens spent', async () => {
    h.fake.on('gemini-broken', [{ text: 'I cannot help with that.', inputTokens: 30, outputTokens: 7 }]);
    const orgId = newOrg();
    const error = await extract('google:gemini-broken', orgId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiOutputError);
    expect(error).toMatchObject({
      provider: 'google',
      model: 'gemini-broken',
      text: 'I cannot help with that.',
    });
    expect(h.fake.requestsFor('gemini-broken')).toHaveLength(2);
    expect(await h.usageRows(orgId)).toMatchObject([
      { outcome: 'error', errorCode: 'invalid_output', attempts: 2, inputTokens: 60, outputTokens: 14 },
    ]);
  });

  it('treats an empty answer as invalid output', async () => {
    h.fake.on('empty-model', [{ text: '' }]);
    await expect(extract('ollama:empty-model')).rejects.toBeInstanceOf(AiOutputError);
    expect(h.fake.requestsFor('empty-model')[1].prompt).toContain('the reply was empty');
  });

  it('retries a 500 during the repair like any other request', async () => {
    h.fake.on('gpt-4.1-flaky-repair', [{ text: 'not json' }, { status: 500 }, { json: valid }]);
    const result = await extract('openai:gpt-4.1-flaky-repair');
    expect(result).toMatchObject({ object: valid, attempts: 3 });
  });

  it('does not count invalid output against the provider circuit', async () => {
    const client = h.client({ breakerThreshold: 1 });
    h.fake.on('gpt-4.1-junk', [{ text: 'junk' }]);
    const params = {
      orgId: newOrg(),
      module: 'intel',
      model: 'openai:gpt-4.1-junk',
      schema: indicators,
      prompt: 'x',
    };
    await expect(client.generateObject(params)).rejects.toBeInstanceOf(AiOutputError);
    await expect(client.generateObject(params)).rejects.toBeInstanceOf(AiOutputError);
    expect(client.available('openai:gpt-4.1-junk')).toBe(true);
  });
});
