/**
 * Sample answers for the demo organization: invented brands (Lumora is "ours"; Brightdesk and
 * Quillmetrics compete), written for the demo, in the formats assistants use (numbered lists, prose,
 * tables, links). Imported under a label that says they are sample data.
 */
export const DEMO_LABEL = 'Sample data (demo, not real model answers)';

export const DEMO_BRANDS = [
  { name: 'Lumora', aliases: ['Lumora Analytics'], domains: ['lumora.example'], owned: true },
  { name: 'Brightdesk', aliases: [], domains: ['brightdesk.example'], owned: false },
  { name: 'Quillmetrics', aliases: ['Quill Metrics'], domains: ['quillmetrics.example'], owned: false },
];

export const DEMO_PROMPTS = [
  { text: 'What is the best product analytics tool for a small SaaS team?', topic: 'recommendations' },
  { text: 'Lumora vs Brightdesk: which one should I pick?', topic: 'comparisons' },
  { text: 'Which analytics tools respect user privacy?', topic: 'privacy' },
  { text: 'Is Quillmetrics worth the price?', topic: 'pricing' },
];

const MODELS = ['openai:gpt-4.1-mini', 'anthropic:claude-haiku-4-5', 'google:gemini-2.5-flash'];

/** answers[prompt][model]: what each model said. */
const ANSWERS: string[][] = [
  [
    'For a small SaaS team, these stand out:\n\n1. **Lumora** - quick to set up and affordable, with good funnels.\n2. **Brightdesk** - powerful dashboards, but the pricing gets steep.\n3. **Quillmetrics** - solid, though the interface feels dated.\n\nSee https://lumora.example/pricing for current plans.',
    'Most small teams start with **Brightdesk** because of its templates. Lumora is a lighter alternative that many founders like, and Quillmetrics suits teams that already use its CRM.',
    '| Tool | Best for | Price |\n|---|---|---|\n| Brightdesk | Dashboards | $$$ |\n| Lumora | Funnels and retention | $ |\n| Quillmetrics | Sales analytics | $$ |\n\nSources: [Brightdesk docs](https://docs.brightdesk.example/start), [review](https://reviews.example.org/analytics-2026).',
  ],
  [
    'Lumora is easier to learn and cheaper; Brightdesk has deeper reporting. If you need self-serve funnels, pick Lumora. If you need custom SQL reports, Brightdesk is stronger.',
    '## Brightdesk\nMature, reliable, expensive.\n\n## Lumora\nNewer and simpler, but its exports are limited and support can be slow.',
    'Both are good. Brightdesk is the safer enterprise choice; Lumora wins on price and setup time, according to https://reviews.example.org/lumora-vs-brightdesk.',
  ],
  [
    'Privacy-focused options:\n\n- Quillmetrics offers EU hosting.\n- Lumora supports cookieless tracking and data residency ([privacy page](https://lumora.example/privacy)).\n- Brightdesk collects more by default, so review its settings.',
    'If privacy is the priority, look at Lumora and Quillmetrics. Both allow server-side collection and short retention.',
    '1. **Quillmetrics** - EU data centres.\n2. **Lumora** - cookieless mode.\n\nBrightdesk is not recommended when strict consent rules apply.',
  ],
  [
    'Quillmetrics is worth it if you already pay for its CRM; otherwise Lumora or Brightdesk give more for the money.',
    'Quillmetrics is fairly priced for sales teams, but its analytics lag behind Brightdesk. Some users report poor support.',
    'It depends. Quillmetrics bundles analytics with sales tools, which is great value for some teams. Compare with https://quillmetrics.example/pricing.',
  ],
];

const DAY = 86_400_000;

/** The import rows, spread over the last days so the dashboard's default range shows a trend. */
export function demoRows(now = new Date()) {
  const rows = [];
  let n = 0;
  for (const [p, prompt] of DEMO_PROMPTS.entries()) {
    for (const [m, model] of MODELS.entries()) {
      n += 1;
      rows.push({
        prompt: prompt.text,
        topic: prompt.topic,
        model,
        date: new Date(now.getTime() - (n % 7) * DAY - m * 3_600_000).toISOString(),
        answer: ANSWERS[p][m],
        citations: [],
      });
    }
  }
  return rows;
}
