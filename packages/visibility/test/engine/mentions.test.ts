import { describe, expect, it } from 'vitest';
import { MentionExtractor } from '../../src/engine/mentions.ts';
import type { TrackedBrand } from '../../src/engine/types.ts';

function extract(brands: TrackedBrand[], text: string) {
  const result = new MentionExtractor(brands).extract(text);
  return (id: string) => result.brands.find((b) => b.brand_id === id)!;
}

function texts(brands: TrackedBrand[], text: string, id: string): string[] {
  return extract(brands, text)(id).mentions.map((m) => m.text);
}

describe('boundaries', () => {
  it('treats letters of any script as word characters (Über, not Überweisung)', () => {
    const brands = [{ id: 'uber', name: 'Über' }];
    expect(texts(brands, 'Über rides; eine Überweisung; Uber Eats; überall', 'uber')).toEqual([
      'Über',
      'Uber',
    ]);
  });

  it('matches names made of symbols: C++ and .NET, but not C+, C+++ or foo.net', () => {
    const brands = [
      { id: 'cpp', name: 'C++' },
      { id: 'net', name: '.NET' },
    ];
    const get = extract(brands, 'C++ and .NET 8. Not C+, not C+++, not foo.net, not .net.');
    expect(get('cpp').mentions.map((m) => m.text)).toEqual(['C++']);
    expect(get('net').mentions.map((m) => m.text)).toEqual(['.NET']);
  });

  it('matches names with dots and digits: Monday.com, 1Password, 3M (case-sensitive)', () => {
    const brands = [
      { id: 'monday', name: 'Monday.com' },
      { id: 'op', name: '1Password' },
      { id: '3m', name: '3M' },
    ];
    const get = extract(
      brands,
      'monday.com and 1password users buy 3M tape, about 3m of it, from 13M stores.',
    );
    expect(get('monday').count).toBe(1);
    expect(get('op').count).toBe(1);
    expect(get('3m').mentions.map((m) => m.text)).toEqual(['3M']);
  });

  it('reports spans into the original text, after emoji and accented characters', () => {
    const text = '🚀 Café owners love **HubSpot**; naïve teams pick Hubspot too.';
    const get = extract([{ id: 'h', name: 'HubSpot' }], text);
    for (const m of get('h').mentions) expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
    expect(get('h').count).toBe(2);
  });

  it('ignores names inside URLs but counts link text', () => {
    const get = extract(
      [{ id: 'n', name: 'Notion' }],
      'See [Notion](https://notion.so/notion-ai) or https://www.notion.com/notion.',
    );
    expect(get('n').count).toBe(1);
  });
});

describe('brands that are ordinary words', () => {
  const notes = [
    { id: 'notion', name: 'Notion' },
    { id: 'obsidian', name: 'Obsidian' },
  ];

  it('rejects lower-case uses (the notion of, apple pie, square meter, some slack)', () => {
    const brands = [
      ...notes,
      { id: 'apple', name: 'Apple' },
      { id: 'square', name: 'Square' },
      { id: 'slack', name: 'Slack' },
    ];
    const get = extract(
      brands,
      'The notion of an apple pie on a square meter gives some slack. Obsidian is fine.',
    );
    for (const id of ['notion', 'apple', 'square', 'slack']) expect(get(id).count).toBe(0);
  });

  it('accepts a capitalised name mid-sentence', () => {
    expect(extract(notes, 'Teams often pick Notion for wikis.')('notion').count).toBe(1);
  });

  it('rejects a capital that only starts a sentence, unless the answer supports it', () => {
    expect(extract(notes, 'Notion of time matters. Plan well.')('notion').count).toBe(0);
    expect(
      extract([{ id: 'apple', name: 'Apple' }], 'Apple varieties like Bramley bake well.')('apple').count,
    ).toBe(0);
    expect(extract(notes, 'Obsidian is local-first. Notion is cloud-first.')('notion').count).toBe(1);
  });

  it('accepts a name used as a list label', () => {
    expect(extract(notes, '- **Notion** – all-in-one workspace')('notion').count).toBe(1);
  });

  it('reads day names as days unless the brand is confirmed and the context is not a date', () => {
    const brands = [
      { id: 'm', name: 'monday.com', aliases: ['Monday'] },
      { id: 'a', name: 'Asana' },
    ];
    expect(extract(brands, 'We meet on Monday. Asana is fine.')('m').count).toBe(0);
    expect(extract(brands, 'monday.com boards are flexible; teams pair Monday with Asana.')('m').count).toBe(
      2,
    );
    expect(extract(brands, 'Monday is a good day to plan. monday.com helps.')('m').count).toBe(1);
  });

  it('keeps short upper-case names case-sensitive (HP, not hp)', () => {
    expect(extract([{ id: 'hp', name: 'HP' }], 'HP laptops, a 150 hp engine, and HP.')('hp').count).toBe(2);
  });
});

describe('fuzzy matching', () => {
  const crm = [
    { id: 'sf', name: 'Salesforce' },
    { id: 'mk', name: 'Marketo' },
    { id: 'zoho', name: 'Zoho' },
  ];

  it('matches a misspelling one edit away from a long name and flags it', () => {
    const m = extract(crm, 'Many teams use Salesfroce.')('sf').mentions[0];
    expect(m).toMatchObject({ text: 'Salesfroce', fuzzy: true, distance: 1 });
  });

  it('does not match English words, short names or distant spellings', () => {
    const get = extract(crm, 'Market research matters. Zoha and Salsefrocs are typos too far or too short.');
    expect(get('mk').count).toBe(0);
    expect(get('zoho').count).toBe(0);
    expect(get('sf').count).toBe(0);
  });

  it('can be switched off', () => {
    const result = new MentionExtractor(crm, { fuzzy: false }).extract('Salesfroce');
    expect(result.brands[0].count).toBe(0);
  });
});

describe('possessives, plurals and products', () => {
  it('counts possessives and plurals, keeping the ending out of the span', () => {
    const text = "Salesforce's AI and two Salesforces.";
    const m = extract([{ id: 'sf', name: 'Salesforce' }], text)('sf').mentions;
    expect(m.map((x) => [x.text, x.suffix])).toEqual([
      ['Salesforce', "'s"],
      ['Salesforce', 's'],
    ]);
  });

  it('counts brand plus product as one mention and prefers the longest form', () => {
    const brands = [
      { id: 'dell', name: 'Dell', products: ['XPS'] },
      { id: 'ms', name: 'Microsoft' },
      { id: 'dyn', name: 'Dynamics 365', aliases: ['Microsoft Dynamics'] },
    ];
    const get = extract(brands, 'The Dell XPS 13 and Microsoft Dynamics 365 are popular.');
    expect(get('dell').mentions.map((m) => m.text)).toEqual(['Dell XPS']);
    expect(get('ms').count).toBe(0);
    expect(get('dyn').count).toBe(1);
  });

  it('rejects duplicate brand ids', () => {
    expect(
      () =>
        new MentionExtractor([
          { id: 'a', name: 'A1' },
          { id: 'a', name: 'B2' },
        ]),
    ).toThrow(/duplicate/);
  });
});
