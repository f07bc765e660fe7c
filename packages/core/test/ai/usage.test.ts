import { llmUsage, organizations } from '@assay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costMicros, DEFAULT_PRICES, priceFor } from '../../src/ai/prices.ts';
import { engineForModule, getAiSettings, saveAiSettings } from '../../src/ai/settings.ts';
import { llmUsageSummary } from '../../src/ai/usage.ts';
import { type AiHarness, newOrg, startAiHarness } from './harness.ts';

let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(() => h?.close());

const row = (orgId: string, at: string, values: Partial<typeof llmUsage.$inferInsert> = {}) => ({
  orgId,
  module: 'compliance',
  provider: 'openai',
  model: 'gpt-4.1-mini',
  inputTokens: 100,
  outputTokens: 10,
  costMicros: 56,
  durationMs: 5,
  outcome: 'ok' as const,
  createdAt: new Date(at),
  ...values,
});

describe('llmUsageSummary', () => {
  it('totals per provider, model and module within [from, to), for one organization only', async () => {
    const orgId = newOrg();
    await h.database.db.insert(llmUsage).values([
      row(orgId, '2030-03-01T00:00:00Z'),
      row(orgId, '2030-03-15T12:00:00Z', {
        outcome: 'error',
        inputTokens: 0,
        outputTokens: 0,
        costMicros: 0,
      }),
      row(orgId, '2030-03-20T00:00:00Z', {
        module: 'intel',
        inputTokens: 1000,
        outputTokens: 500,
        costMicros: 1200,
      }),
      row(orgId, '2030-03-21T00:00:00Z', {
        provider: 'anthropic',
        model: 'claude-haiku-4-5',
        costMicros: 150,
      }),
      row(orgId, '2030-02-28T23:59:59Z', { costMicros: 9_999 }),
      row(orgId, '2030-04-01T00:00:00Z', { costMicros: 9_999 }),
      row(newOrg(), '2030-03-10T00:00:00Z', { costMicros: 9_999 }),
    ]);

    const summary = await llmUsageSummary(h.database.db, orgId, {
      from: new Date('2030-03-01T00:00:00Z'),
      to: new Date('2030-04-01T00:00:00Z'),
    });

    expect(summary.groups).toEqual([
      {
        provider: 'anthropic',
        model: 'claude-haiku-4-5',
        module: 'compliance',
        calls: 1,
        errors: 0,
        inputTokens: 100,
        outputTokens: 10,
        costMicros: 150,
      },
      {
        provider: 'openai',
        model: 'gpt-4.1-mini',
        module: 'compliance',
        calls: 2,
        errors: 1,
        inputTokens: 100,
        outputTokens: 10,
        costMicros: 56,
      },
      {
        provider: 'openai',
        model: 'gpt-4.1-mini',
        module: 'intel',
        calls: 1,
        errors: 0,
        inputTokens: 1000,
        outputTokens: 500,
        costMicros: 1200,
      },
    ]);
    expect(summary.totals).toEqual({
      calls: 4,
      errors: 1,
      inputTokens: 1200,
      outputTokens: 520,
      costMicros: 1406,
    });
  });

  it('is empty, with zero totals, for an organization without calls', async () => {
    const summary = await llmUsageSummary(h.database.db, newOrg(), { from: new Date(0), to: new Date() });
    expect(summary).toMatchObject({
      groups: [],
      totals: { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, costMicros: 0 },
    });
  });
});

describe('prices', () => {
  it('matches dated snapshots to their base model, preferring the longest id', () => {
    expect(priceFor(DEFAULT_PRICES, 'openai', 'gpt-4.1-mini-2025-04-14')).toEqual({
      input: 0.4,
      output: 1.6,
    });
    expect(priceFor(DEFAULT_PRICES, 'openai', 'gpt-4.1-2025-04-14')).toEqual({ input: 2, output: 8 });
    expect(priceFor(DEFAULT_PRICES, 'anthropic', 'claude-sonnet-4-20250514')).toEqual({
      input: 3,
      output: 15,
    });
    expect(priceFor(DEFAULT_PRICES, 'openai', 'gpt-4.10')).toBeUndefined();
    expect(priceFor(DEFAULT_PRICES, 'ollama', 'gpt-4.1-mini')).toBeUndefined();
  });

  it('lets callers override and add prices, by provider:model or bare model id', async () => {
    const prices = {
      ...DEFAULT_PRICES,
      'openai:gpt-4.1-mini': { input: 1, output: 1 },
      'llama3.2': { input: 0.01, output: 0.02 },
    };
    expect(priceFor(prices, 'openai', 'gpt-4.1-mini')).toEqual({ input: 1, output: 1 });
    expect(priceFor(prices, 'ollama', 'llama3.2')).toEqual({ input: 0.01, output: 0.02 });
    expect(costMicros(priceFor(prices, 'ollama', 'llama3.2'), 1_000_000, 1_000_000)).toBe(30_000);

    h.fake.on('gpt-4.1-mini', [{ text: 'ok', inputTokens: 7, outputTokens: 3 }]);
    const client = h.client({}, { prices: { 'openai:gpt-4.1-mini': { input: 1, output: 2 } } });
    const result = await client.generateText({
      orgId: newOrg(),
      module: 'intel',
      model: 'openai:gpt-4.1-mini',
      prompt: 'x',
    });
    expect(result.costMicros).toBe(13);
  });
});

describe('organization AI settings', () => {
  it('defaults, saves, updates and picks the engine per module', async () => {
    const [org] = await h.database.db
      .insert(organizations)
      .values({ name: 'Acme', slug: `acme-${newOrg()}` })
      .returning();
    expect(await getAiSettings(h.database.db, org.id)).toEqual({ model: null, engines: {} });

    await saveAiSettings(h.database.db, org.id, {
      model: 'ollama:llama3.2:3b',
      engines: { intel: 'baseline' },
    });
    expect(await getAiSettings(h.database.db, org.id)).toEqual({
      model: 'ollama:llama3.2:3b',
      engines: { intel: 'baseline' },
    });
    await saveAiSettings(h.database.db, org.id, { model: null, engines: { compliance: 'llm' } });
    const settings = await getAiSettings(h.database.db, org.id);
    expect(settings).toEqual({ model: null, engines: { compliance: 'llm' } });

    expect(engineForModule(settings, 'compliance', true)).toBe('llm');
    expect(engineForModule(settings, 'compliance', false)).toBe('baseline');
    expect(engineForModule({ model: null, engines: { intel: 'baseline' } }, 'intel', true)).toBe('baseline');
    await expect(saveAiSettings(h.database.db, org.id, { model: 'gpt-4o', engines: {} })).rejects.toThrow(
      'expected provider:model',
    );
  });
});
