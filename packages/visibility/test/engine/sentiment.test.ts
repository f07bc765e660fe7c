import { describe, expect, it } from 'vitest';
import { MentionExtractor } from '../../src/engine/mentions.ts';
import { baselineSentiment, type SentimentScorer } from '../../src/engine/sentiment.ts';

const extractor = new MentionExtractor([
  { id: 'hubspot', name: 'HubSpot' },
  { id: 'salesforce', name: 'Salesforce' },
  { id: 'zoho', name: 'Zoho' },
]);

function sentiment(text: string, id: string) {
  return extractor.extract(text).brands.find((b) => b.brand_id === id)!.sentiment!;
}

function passage(text: string) {
  return baselineSentiment(text, [{ span: [0, text.length], text, sentence: [0, text.length], names: [] }]);
}

describe('baseline lexicon', () => {
  it('scores positive and negative words', () => {
    expect(passage('It is reliable and intuitive.').label).toBe('positive');
    expect(passage('It is clunky and expensive.').label).toBe('negative');
    expect(passage('It has a sidebar.')).toMatchObject({ score: 0, label: 'neutral', method: 'baseline' });
  });

  it('flips polarity after a negation', () => {
    expect(passage('It is not reliable.').label).toBe('negative');
    expect(passage("It isn't expensive.").label).toBe('positive');
    expect(passage('It comes without hidden fees.').label).toBe('positive');
    expect(passage('It lacks good support.').label).toBe('negative');
    expect(passage('It lacks native invoicing.').label).toBe('negative');
  });

  it('lets intensifiers weigh more and keeps "not only" positive', () => {
    expect(passage('very good').score).toBeGreaterThan(passage('good').score);
    expect(passage('not only fast but also reliable').label).toBe('positive');
  });

  it('calls balanced praise and criticism mixed', () => {
    expect(passage('Powerful but expensive.').label).toBe('mixed');
  });
});

describe('sentiment per brand', () => {
  it('gives each brand the clauses about it', () => {
    const text = 'HubSpot is easy to use and affordable, while Salesforce is expensive and complicated.';
    expect(sentiment(text, 'hubspot').label).toBe('positive');
    expect(sentiment(text, 'salesforce').label).toBe('negative');
  });

  it('gives clauses without a name to the brand named before them', () => {
    const text = 'Unlike HubSpot, Salesforce is powerful, but clunky, slow and overpriced.';
    expect(sentiment(text, 'salesforce').label).toBe('negative');
    expect(sentiment(text, 'hubspot').label).toBe('neutral');
  });

  it('gives sentences inside a list item or heading section to the brand it is about', () => {
    const text =
      '## Zoho\nThe interface is outdated and confusing.\n\n## HubSpot\n- Pros: excellent onboarding\n- Great support';
    expect(sentiment(text, 'zoho').label).toBe('negative');
    expect(sentiment(text, 'hubspot').label).toBe('positive');
    expect(sentiment(text, 'hubspot').evidence.length).toBeGreaterThan(0);
  });

  it('leaves brands that are not mentioned without sentiment', () => {
    const b = extractor.extract('HubSpot is great.').brands.find((x) => x.brand_id === 'zoho')!;
    expect(b.sentiment).toBeNull();
  });
});

describe('SentimentScorer interface', () => {
  it('lets another scorer replace the baseline and label its method', async () => {
    const seen: string[][] = [];
    const scorer: SentimentScorer = {
      method: 'llm:test',
      async score(_answer, requests) {
        seen.push(requests.map((r) => `${r.brand_id}:${r.passages.length}`));
        return requests.map(() => ({
          score: 0.5,
          label: 'positive',
          method: 'llm:test',
          positive_hits: 0,
          negative_hits: 0,
          evidence: [],
        }));
      },
    };
    const result = await extractor.extractWith('HubSpot is fine. Zoho is fine.', scorer);
    expect(seen).toEqual([['hubspot:1', 'zoho:1']]);
    expect(result.brands.find((b) => b.brand_id === 'hubspot')!.sentiment!.method).toBe('llm:test');
  });

  it('rejects a scorer that answers for the wrong number of brands', async () => {
    const scorer: SentimentScorer = { method: 'broken', score: () => [] };
    await expect(extractor.extractWith('HubSpot is fine.', scorer)).rejects.toThrow(/wrong number/);
  });
});
