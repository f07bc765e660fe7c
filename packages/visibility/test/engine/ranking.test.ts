import { describe, expect, it } from 'vitest';
import { MentionExtractor } from '../../src/engine/mentions.ts';

const brands = [
  { id: 'hubspot', name: 'HubSpot', owned: true },
  { id: 'salesforce', name: 'Salesforce' },
  { id: 'pipedrive', name: 'Pipedrive' },
  { id: 'zoho', name: 'Zoho', products: ['Zoho CRM'] },
];
const extractor = new MentionExtractor(brands);

function ranks(text: string) {
  const result = extractor.extract(text);
  return Object.fromEntries(
    result.brands
      .filter((b) => b.mentioned)
      .map((b) => [b.brand_id, [b.rank, b.rank_method, b.rank_confidence]]),
  );
}

describe('rank', () => {
  it('reads explicit numbered lists with high confidence, counting untracked entries', () => {
    const r = ranks(
      'Top picks:\n\n1. **HubSpot** – free\n2. **Close** – calls\n3. **Salesforce** – enterprise',
    );
    expect(r.hubspot).toEqual([1, 'numbered_list', 0.95]);
    expect(r.salesforce).toEqual([3, 'numbered_list', 0.95]);
  });

  it('keeps numbering across descriptions that interrupt the list', () => {
    const r = ranks('1. Pipedrive\nGreat pipeline.\n\n2. Zoho CRM\nCheap.\n\n3. HubSpot\nFree.');
    expect([r.pipedrive[0], r.zoho[0], r.hubspot[0]]).toEqual([1, 2, 3]);
  });

  it('reads bullet order with lower confidence', () => {
    const r = ranks('- Zoho: cheap\n- HubSpot: free\n- Pipedrive: simple');
    expect(r.hubspot).toEqual([2, 'bullet_list', 0.7]);
  });

  it('reads sibling headings, ignoring the lists under them', () => {
    const text =
      '## Salesforce\n- HubSpot integration: yes\n- Pipedrive import: yes\n\n## HubSpot\nFree CRM.\n\n## Zoho\nBudget.';
    const r = ranks(text);
    expect(r.salesforce).toEqual([1, 'heading', 0.8]);
    expect(r.hubspot[0]).toBe(2);
    expect(r.zoho[0]).toBe(3);
    expect(r.pipedrive[1]).toBe('prose');
  });

  it('reads table rows, skipping the header and rank columns', () => {
    const r = ranks('| # | Tool | Price |\n|---|---|---|\n| 1 | Pipedrive | $14 |\n| 2 | HubSpot | Free |');
    expect(r.pipedrive).toEqual([1, 'table', 0.85]);
    expect(r.hubspot).toEqual([2, 'table', 0.85]);
  });

  it('uses first-mention order in prose, with low confidence', () => {
    const r = ranks('Most teams compare Zoho with Salesforce, and some pick HubSpot. Zoho is cheapest.');
    expect(r.zoho).toEqual([1, 'prose', 0.5]);
    expect(r.salesforce).toEqual([2, 'prose', 0.5]);
    expect(r.hubspot).toEqual([3, 'prose', 0.5]);
  });

  it('puts brands mentioned only outside the ranking list after it', () => {
    const r = ranks(
      'Salesforce is the incumbent, but try:\n\n1. HubSpot\n2. Pipedrive\n\nZoho is also an option.',
    );
    expect(r.hubspot[0]).toBe(1);
    expect(r.pipedrive[0]).toBe(2);
    expect(r.salesforce).toEqual([3, 'prose', 0.3]);
    expect(r.zoho).toEqual([4, 'prose', 0.3]);
  });

  it('does not rank from a list whose items merely mention a brand later in the text', () => {
    const r = ranks('1. Price: HubSpot is cheaper than Salesforce\n2. Support: Pipedrive answers fast');
    expect(r.hubspot[1]).toBe('prose');
  });

  it('accepts "label: brand" items', () => {
    const r = ranks('- Best overall: Pipedrive\n- Best free plan: HubSpot');
    expect(r.pipedrive).toEqual([1, 'bullet_list', 0.7]);
    expect(r.hubspot[0]).toBe(2);
  });

  it('numbers a second list after the first, with reduced confidence', () => {
    const r = ranks('## Small teams\n1. HubSpot\n2. Pipedrive\n\n## Enterprise\n1. Salesforce\n2. Zoho');
    expect(r.salesforce).toEqual([3, 'numbered_list', 0.86]);
  });
});
