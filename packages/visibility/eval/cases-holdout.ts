import type { EvalCase } from './case.ts';

// Held-out answers: written together with the development set, labelled before the engine was
// run on them, and not used to tune any rule. Their scores are reported separately.

export const HOLDOUT_CASES: EvalCase[] = [
  {
    id: 'h-crm-intro-mention',
    set: 'crm',
    text: `Salesforce dominates the enterprise market, but for startups I'd rank the options like this:

1. HubSpot — free CRM, great onboarding
2. Pipedrive — cheapest serious pipeline tool
3. Close — built for inside sales calls
4. Zoho — the best value suite

Salesforce Starter is worth a look only if you expect to scale quickly.`,
    mentions: { salesforce: 2, hubspot: 1, pipedrive: 1, zoho: 1 },
    ranks: { hubspot: 1, pipedrive: 2, zoho: 4, salesforce: 5 },
  },
  {
    id: 'h-notes-typo',
    set: 'notes',
    text: `I switched from Evernote to Notion last year and later tried Obsidain for personal notes. Notion is unbeatable for shared wikis, but Obsidian's offline speed won me over. OneNote is fine if your school already pays for Microsoft 365.`,
    mentions: { evernote: 1, notion: 2, obsidian: 2, onenote: 1 },
    ranks: { evernote: 1, notion: 2, obsidian: 3, onenote: 4 },
  },
  {
    id: 'h-payments-toast',
    set: 'payments',
    text: `| POS system | Best for | Monthly fee |
|---|---|---|
| Toast | Full-service restaurants | From $0 |
| Square for Restaurants | Cafés and quick service | From $0 |
| Clover | Retail with custom hardware | From $14.95 |

Toast's hardware is rugged, and Square's free plan is hard to beat. Don't forget to toast your launch!`,
    mentions: { toast: 2, square: 2 },
    ranks: { toast: 1, square: 2 },
  },
  {
    id: 'h-passwords-bullets',
    set: 'passwords',
    text: `Recommended password managers:
- Bitwarden: free, open source, audited
- 1Password: best apps and family plans
- Keeper: strong enterprise controls

LastPass is not recommended after repeated breaches. Dashlane dropped its free plan, which makes it less attractive.`,
    mentions: { bitwarden: 1, onepassword: 1, keeper: 1, lastpass: 1, dashlane: 1 },
    ranks: { bitwarden: 1, onepassword: 2, keeper: 3, lastpass: 4, dashlane: 5 },
  },
  {
    id: 'h-laptops-headings-links',
    set: 'laptops',
    text: `### 1. [MacBook Air M3](https://www.apple.com/macbook-air/)
The best laptop for most people.

### 2. Dell XPS 13
Compact and premium, but the webcam is mediocre.

### 3. Lenovo Yoga Slim 7x
Great battery life for Windows.

An apple a day keeps the doctor away, but an Apple laptop a day is expensive.`,
    mentions: { apple: 2, dell: 1, lenovo: 1 },
    ranks: { apple: 1, dell: 2, lenovo: 3 },
  },
  {
    id: 'h-rides-grab',
    set: 'rides',
    text: `Grab is the dominant super-app in Singapore and Malaysia, covering rides, food and payments. Uber sold its Southeast Asian business to Grab in 2018. If you travel to Europe later, Bolt and Uber both work in most capitals; just grab whichever shows the lower fare.`,
    mentions: { grab: 2, uber: 2, bolt: 1 },
    ranks: { grab: 1, uber: 2, bolt: 3 },
  },
  {
    id: 'h-stack-numbered',
    set: 'stack',
    text: `1. **C#** with Unity — largest asset store and tutorials.
2. **C++** with Unreal Engine — top-end graphics.
3. **GDScript** with Godot — lightweight and free.

.NET developers will feel at home with option 1.`,
    mentions: { csharp: 1, unity: 1, cpp: 1, godot: 1, dotnet: 1 },
    ranks: { csharp: 1, cpp: 2, unity: 4, godot: 5, dotnet: 6 },
  },
  {
    id: 'h-industrial-table',
    set: 'industrial',
    text: `| Company | Focus | HQ |
|---|---|---|
| Siemens | Automation, digital industries | Munich |
| Honeywell | Building tech, PPE | Charlotte |
| 3M | Adhesives, safety | St. Paul |

Siemens and Honeywell compete directly in building automation, while 3M's strength is materials science. DuPont is more of a chemicals company.`,
    mentions: { siemens: 2, honeywell: 2, '3m': 2, dupont: 1 },
    ranks: { siemens: 1, honeywell: 2, '3m': 3, dupont: 4 },
  },
  // Harder answers, added after the first holdout run scored 100%, to probe likely weak spots.
  {
    id: 'h2-notes-title-case',
    set: 'notes',
    text: `## Why Notion Works For Growing Teams

Notion's databases let you turn meeting notes into trackable tasks. Teams coming from Evernote usually miss its web clipper at first.

## Where Obsidian Is Stronger

Obsidian keeps everything in local files, and notionally you own your data forever.`,
    mentions: { notion: 2, evernote: 1, obsidian: 2 },
    ranks: { notion: 1, evernote: 2, obsidian: 3 },
  },
  {
    id: 'h2-payments-squarespace',
    set: 'payments',
    text: `If you sell online through Squarespace, its built-in checkout uses Stripe under the hood. For in-person sales, the big three are Stripe, Square, and Adyen. A kiosk needs about 2 square feet of counter space. Square's hardware is the easiest to set up.`,
    mentions: { stripe: 2, square: 2 },
    ranks: { stripe: 1, square: 2 },
  },
  {
    id: 'h2-chat-discard',
    set: 'chat',
    text: `Discard old channels regularly. Discord servers get noisy, and the same is true of Slack workspaces. Teams channels are harder to archive. Some teams mirror Slack into Discord with a bridge bot.`,
    mentions: { discord: 2, slack: 2, teams: 1 },
    ranks: { discord: 1, slack: 2, teams: 3 },
  },
  {
    id: 'h2-industrial-typos',
    set: 'industrial',
    text: `Honeywel and Siemens both sell building management systems; Seimens has the larger installed base in Europe. 3M does not compete here.`,
    mentions: { honeywell: 1, siemens: 2, '3m': 1 },
    ranks: { honeywell: 1, siemens: 2, '3m': 3 },
  },
  {
    id: 'h2-laptops-apple-silicon',
    set: 'laptops',
    text: `Apple Silicon changed the laptop market. A MacBook Air now outlasts most Windows machines on battery, and Dell, Lenovo and HP have responded with Snapdragon models. Apple still charges a lot for extra storage.`,
    mentions: { apple: 3, dell: 1, lenovo: 1, hp: 1 },
    ranks: { apple: 1, dell: 2, lenovo: 3, hp: 4 },
  },
  {
    id: 'h2-crm-try-items',
    set: 'crm',
    text: `Some practical advice:

1. Try Pipedrive if you sell B2B with a short cycle.
2. Pick HubSpot if marketing and sales share one database.
3. Consider Salesforce only with a dedicated admin.

Zoho is the dark horse for budget-conscious teams.`,
    mentions: { pipedrive: 1, hubspot: 1, salesforce: 1, zoho: 1 },
    ranks: { pipedrive: 1, hubspot: 2, salesforce: 3, zoho: 4 },
  },
];
