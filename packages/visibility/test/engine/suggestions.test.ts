import { describe, expect, it } from 'vitest';
import { MentionExtractor } from '../../src/engine/mentions.ts';

const extractor = new MentionExtractor([
  { id: 'hubspot', name: 'HubSpot' },
  { id: 'salesforce', name: 'Salesforce' },
]);

function suggestions(text: string) {
  return extractor.extract(text).suggestions;
}

describe('competitor suggestions', () => {
  it('suggests untracked names heading list items and table rows, with counts', () => {
    const text = `1. **HubSpot** – free
2. **Pipedrive** – simple
3. **Zoho CRM**: cheap

| Tool | Price |
|---|---|
| Freshsales | $9 |

Pipedrive is the budget pick.`;
    expect(suggestions(text)).toEqual([
      { name: 'Pipedrive', count: 2, signals: ['list_item'] },
      { name: 'Freshsales', count: 1, signals: ['table_row'] },
      { name: 'Zoho CRM', count: 1, signals: ['list_item'] },
    ]);
  });

  it('suggests both sides of "X vs Y" unless tracked', () => {
    const names = suggestions(
      'HubSpot vs Attio is a common question. Comparing Close vs Copper is harder.',
    ).map((s) => s.name);
    expect(names).toContain('Attio');
    expect(names).not.toContain('HubSpot');
    expect(names).not.toContain('Comparing Close');
  });

  it('leaves out ordinary words, generic headings and sentences', () => {
    const text = `- Pricing: varies
- Customer Support: good
- Ease of use matters
- Consider Pipedrive if you sell B2B
- API access`;
    expect(suggestions(text)).toEqual([]);
  });

  it('does not suggest tracked brands or misspellings of them', () => {
    expect(suggestions('- Salesfroce\n- Hubspot CRM\n- Salesforce')).toEqual([]);
  });
});
