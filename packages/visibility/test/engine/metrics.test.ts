import { describe, expect, it } from 'vitest';
import { bucketKey } from '../../src/engine/buckets.ts';
import { MentionExtractor } from '../../src/engine/mentions.ts';
import { METRIC_DEFINITIONS } from '../../src/engine/metric-definitions.ts';
import { type AnswerRecord, computeMetrics } from '../../src/engine/metrics.ts';
import { wilsonInterval } from '../../src/engine/stats.ts';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    const all = wilsonInterval(10, 10)!;
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBeCloseTo(1, 10);
  });

  it('is symmetric, narrows with n, and handles empty or invalid input', () => {
    const a = wilsonInterval(1, 4)!;
    const b = wilsonInterval(3, 4)!;
    expect(a.low).toBeCloseTo(1 - b.high, 10);
    const small = wilsonInterval(3, 10)!;
    const large = wilsonInterval(300, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });
});

describe('bucketKey', () => {
  it('buckets by UTC day and by ISO week starting on Monday', () => {
    expect(bucketKey('2025-01-08T23:30:00-02:00', 'day')).toBe('2025-01-09');
    expect(bucketKey('2025-01-08T12:00:00Z', 'week')).toBe('2025-01-06');
    expect(bucketKey('2025-01-12T23:59:59Z', 'week')).toBe('2025-01-06');
    expect(bucketKey('2025-01-13T00:00:00Z', 'week')).toBe('2025-01-13');
    expect(() => bucketKey('yesterday', 'day')).toThrow(RangeError);
  });
});

const brands = [
  { id: 'hubspot', name: 'HubSpot', domains: ['hubspot.com'], owned: true },
  { id: 'salesforce', name: 'Salesforce', domains: ['salesforce.com'] },
];
const extractor = new MentionExtractor(brands);

function record(text: string, fields: Omit<AnswerRecord, 'extraction'>): AnswerRecord {
  return { ...fields, extraction: extractor.extract(text) };
}

const records: AnswerRecord[] = [
  record('1. HubSpot\n2. Salesforce\n\nHubSpot is great.', {
    prompt_id: 'p1',
    topic: 'crm',
    model: 'gpt',
    sampled_at: '2025-01-06T10:00:00Z',
  }),
  record('Salesforce is reliable.', {
    prompt_id: 'p2',
    topic: 'crm',
    model: 'gpt',
    sampled_at: '2025-01-08T10:00:00Z',
  }),
  record('No vendor fits every team.', {
    prompt_id: 'p1',
    topic: 'pricing',
    model: 'claude',
    sampled_at: '2025-01-13T10:00:00Z',
  }),
  record('HubSpot and Salesforce, see [guide](https://blog.hubspot.com/a).', {
    prompt_id: 'p2',
    topic: 'crm',
    model: 'claude',
    sampled_at: '2025-01-14T10:00:00Z',
    imported: true,
  }),
];

describe('computeMetrics', () => {
  const metrics = computeMetrics(records, brands, { bucket: 'week' });
  const overall = (id: string) => metrics.overall.brands.find((b) => b.brand_id === id)!;

  it('computes the mention rate with its Wilson interval and a low-sample flag', () => {
    expect(overall('hubspot').mention_rate).toEqual({
      value: 0.5,
      ci_low: expect.closeTo(0.15, 3),
      ci_high: expect.closeTo(0.85, 3),
      successes: 2,
      n: 4,
      low_sample: true,
    });
    expect(
      computeMetrics(records, brands, { lowSampleThreshold: 4 }).overall.brands[0].mention_rate.low_sample,
    ).toBe(false);
  });

  it('computes share of voice in both definitions', () => {
    expect(overall('hubspot').sov_mentions).toEqual({ value: 0.5, brand_mentions: 3, total_mentions: 6 });
    expect(overall('hubspot').sov_answers).toEqual({ value: 2 / 3, brand_answers: 2, answers_with_any: 3 });
    expect(overall('salesforce').sov_answers.value).toBe(1);
  });

  it('averages positions over answers naming the brand, with their distribution', () => {
    expect(overall('hubspot').position).toEqual({ average: 1, ranked_answers: 2, distribution: { 1: 2 } });
    expect(overall('salesforce').position).toEqual({
      average: 5 / 3,
      ranked_answers: 3,
      distribution: { 1: 1, 2: 2 },
    });
  });

  it('summarises sentiment and citations', () => {
    expect(overall('salesforce').sentiment.distribution.positive).toBeGreaterThanOrEqual(1);
    expect(overall('salesforce').sentiment.scored_answers).toBe(3);
    expect(overall('hubspot').citation_rate.successes).toBe(1);
    expect(metrics.overall.top_domains).toEqual([
      { domain: 'hubspot.com', class: 'owned', brand_id: 'hubspot', citations: 1, answers: 1 },
    ]);
  });

  it('groups by model, prompt, topic and week', () => {
    expect(metrics.by_model.map((g) => [g.key, g.answers])).toEqual([
      ['claude', 2],
      ['gpt', 2],
    ]);
    expect(metrics.by_prompt.map((g) => g.key)).toEqual(['p1', 'p2']);
    expect(metrics.by_topic.map((g) => [g.key, g.answers])).toEqual([
      ['crm', 3],
      ['pricing', 1],
    ]);
    expect(metrics.by_time.map((g) => [g.key, g.answers])).toEqual([
      ['2025-01-06', 2],
      ['2025-01-13', 2],
    ]);
    const gpt = metrics.by_model.find((g) => g.key === 'gpt')!;
    expect(gpt.brands.find((b) => b.brand_id === 'hubspot')!.mention_rate.value).toBe(0.5);
  });

  it('can leave imported answers out or keep only them', () => {
    expect(computeMetrics(records, brands, { imported: 'exclude' }).overall.answers).toBe(3);
    const only = computeMetrics(records, brands, { imported: 'only' }).overall;
    expect([only.answers, only.imported_answers]).toEqual([1, 1]);
  });

  it('returns null rates, not NaN, for an empty group', () => {
    const empty = computeMetrics([], brands).overall.brands[0];
    expect(empty.mention_rate.value).toBeNull();
    expect(empty.sov_mentions.value).toBeNull();
    expect(empty.position.average).toBeNull();
  });
});

describe('METRIC_DEFINITIONS', () => {
  it('documents every metric the engine reports', () => {
    const names = METRIC_DEFINITIONS.map((d) => d.name);
    for (const name of [
      'mention_rate',
      'sov_mentions',
      'sov_answers',
      'position.average',
      'sentiment.average',
      'citation_rate',
      'top_domains',
    ])
      expect(names).toContain(name);
    for (const d of METRIC_DEFINITIONS) expect(d.formula.length).toBeGreaterThan(10);
  });
});
