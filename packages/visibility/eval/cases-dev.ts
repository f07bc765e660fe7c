import type { EvalCase } from './case.ts';

// Development answers: written first and used while tuning the rules. Gold counts follow
// eval/README.md (a brand-plus-product phrase such as "Dell XPS 13" is one mention; domain names
// written as text count; names inside URLs do not).

export const DEV_CASES: EvalCase[] = [
  {
    id: 'crm-numbered',
    set: 'crm',
    text: `Here are the best CRM tools for small businesses in 2025:

1. **HubSpot CRM** – The free tier is generous and the interface is intuitive. HubSpot's marketing tools integrate seamlessly.
2. **Pipedrive** – A pipeline-first CRM that sales teams love for its simplicity.
3. **Zoho CRM** – Affordable and highly customizable, though the UI can feel cluttered.
4. **Salesforce Sales Cloud** – Powerful and scalable, but expensive and complex for small teams.
5. **Freshsales** – Solid AI scoring at a fair price.

If you're just starting out, HubSpot is the easiest choice; larger teams often graduate to Salesforce.`,
    mentions: { hubspot: 3, pipedrive: 1, zoho: 1, salesforce: 2 },
    ranks: { hubspot: 1, pipedrive: 2, zoho: 3, salesforce: 4 },
  },
  {
    id: 'crm-prose',
    set: 'crm',
    text: `For a five-person agency, I'd start with Pipedrive or HubSpot. Pipedrive is built around a visual deal pipeline and costs less per seat, while HubSpot gives you a free CRM with email tracking and forms. Salesforce is the industry standard, but it is usually overkill at this size and requires an admin to configure. Zoho CRM sits in between: cheaper than Salesforce, more configurable than Pipedrive.

We usually have our pipeline review on Monday, and any of these tools can send a weekly digest before it.`,
    mentions: { pipedrive: 3, hubspot: 2, salesforce: 2, zoho: 1 },
    ranks: { pipedrive: 1, hubspot: 2, salesforce: 3, zoho: 4 },
  },
  {
    id: 'crm-table',
    set: 'crm',
    text: `| Rank | CRM | Best for | Starting price |
|------|-----|----------|----------------|
| 1 | Salesforce | Enterprise sales orgs | $25/user/mo |
| 2 | HubSpot | Inbound marketing + sales | Free |
| 3 | monday CRM | Teams already on monday.com | $12/seat/mo |
| 4 | Pipedrive | Pipeline-focused SMBs | $14/user/mo |

Salesforce leads on customization; HubSpot wins on ease of use.`,
    mentions: { salesforce: 2, hubspot: 2, monday: 2, pipedrive: 1 },
    ranks: { salesforce: 1, hubspot: 2, monday: 3, pipedrive: 4 },
  },
  {
    id: 'crm-headings',
    set: 'crm',
    text: `## 1. HubSpot

HubSpot offers the most complete free CRM. Its Sales Hub adds sequences and forecasting.

## 2. Zoho

Zoho is a budget-friendly suite; Zoho CRM alone covers most needs. Some users report the setup is confusing.

## 3. Salesforce

The most powerful option, with a steep learning curve.

### Final thoughts

Choose HubSpot for simplicity, Salesforce for scale.`,
    mentions: { hubspot: 4, zoho: 3, salesforce: 2 },
    ranks: { hubspot: 1, zoho: 2, salesforce: 3 },
  },
  {
    id: 'crm-misspelt',
    set: 'crm',
    text: `Most reviewers put Hubspot and Salesfroce at the top, with Pipedrvie as the budget pick. SFDC remains the default for enterprises that need heavy customisation.`,
    mentions: { hubspot: 1, salesforce: 2, pipedrive: 1 },
    ranks: { hubspot: 1, salesforce: 2, pipedrive: 3 },
  },
  {
    id: 'crm-nested',
    set: 'crm',
    text: `### Top CRM picks

1. **HubSpot**
   - Pros: free forever plan, intuitive UI
   - Cons: paid tiers get expensive; integrates with Salesforce only via a connector
2. **Pipedrive**
   - Pros: simple pipeline view
   - Cons: limited reporting
3. **Zoho CRM**
   - Pros: affordable
   - Cons: dated interface

Salesforce wasn't included because it targets larger companies.`,
    mentions: { hubspot: 1, salesforce: 2, pipedrive: 1, zoho: 1 },
    ranks: { hubspot: 1, pipedrive: 2, zoho: 3, salesforce: 4 },
  },
  {
    id: 'crm-monday',
    set: 'crm',
    text: `Monday is a good time to review your pipeline, and monday.com makes that easy with dashboards. Compared with HubSpot, monday CRM is more flexible but less specialised for sales. Some teams run Monday alongside Pipedrive.`,
    mentions: { monday: 3, hubspot: 1, pipedrive: 1 },
    ranks: { monday: 1, hubspot: 2, pipedrive: 3 },
  },
  {
    id: 'notes-bullets',
    set: 'notes',
    text: `Good note-taking apps for students:

- **Notion** – all-in-one workspace with databases; great for class notes and planners.
- **Obsidian** – local Markdown files and a graph view; ideal if you want offline control.
- **Microsoft OneNote** – free with school Office accounts and works well with a stylus.
- **Evernote** – once the default, now pricier and more limited on the free plan.

If you like structure, Notion's templates save time.`,
    mentions: { notion: 2, obsidian: 1, onenote: 1, evernote: 1 },
    ranks: { notion: 1, obsidian: 2, onenote: 3, evernote: 4 },
  },
  {
    id: 'notes-common-word',
    set: 'notes',
    text: `The notion of a "second brain" predates any app. Apps like Obsidian embrace it by linking notes, and Evernote popularised capturing everything. Notion takes a different angle: instead of linking files, it gives you databases. Coda is similar to Notion but leans toward docs that behave like apps.`,
    mentions: { obsidian: 1, evernote: 1, notion: 2, coda: 1 },
    ranks: { obsidian: 1, evernote: 2, notion: 3, coda: 4 },
  },
  {
    id: 'notes-links',
    set: 'notes',
    text: `Top picks:

1. [Notion](https://www.notion.so/product) — flexible docs and wikis.
2. [Coda](https://coda.io) — docs with formulas and automations.
3. [Obsidian](https://obsidian.md) — private, local-first notes.

Sources: https://www.notion.com/pricing, https://en.wikipedia.org/wiki/Evernote`,
    mentions: { notion: 1, coda: 1, obsidian: 1 },
    ranks: { notion: 1, coda: 2, obsidian: 3 },
  },
  {
    id: 'notes-versus',
    set: 'notes',
    text: `Notion vs Obsidian: which should you pick?

Notion is better for teams because of real-time collaboration and shared databases. Obsidian is better for individuals who want speed, privacy and plugins. Evernote vs OneNote is a closer call: OneNote is free, but Evernote's web clipper is still excellent.`,
    mentions: { notion: 2, obsidian: 2, evernote: 2, onenote: 2 },
    ranks: { notion: 1, obsidian: 2, evernote: 3, onenote: 4 },
  },
  {
    id: 'notes-bold-lines',
    set: 'notes',
    text: `**Notion**
Great for wikis and project tracking. Can be slow with large databases.

**Obsidian**
Fast, private, and endlessly extensible with plugins.

**Coda**
Powerful docs, but a steeper learning curve than Notion.`,
    mentions: { notion: 2, obsidian: 1, coda: 1 },
    ranks: { notion: 1, obsidian: 2, coda: 3 },
  },
  {
    id: 'chat-teams-word',
    set: 'chat',
    text: `For remote teams, the main options are Slack, Microsoft Teams and Google Chat. Slack has the best app ecosystem. Teams is bundled with Microsoft 365, which makes it the default for many companies; small teams that don't use Microsoft tools tend to prefer Slack. Discord works for communities but lacks enterprise compliance features.`,
    mentions: { slack: 3, teams: 2, gchat: 1, discord: 1 },
    ranks: { slack: 1, teams: 2, gchat: 3, discord: 4 },
  },
  {
    id: 'chat-numbered-labels',
    set: 'chat',
    text: `Best team chat apps in 2025

1. Slack: Best overall for integrations.
2. Microsoft Teams: Best for Microsoft 365 shops.
3. Zoom Team Chat: Best if you already live in Zoom meetings.
4. Discord: Best for open communities.
5. Google Chat: Best for Google Workspace users.

Zoom is improving fast, but Slack is still more polished. Please don't zoom in on pricing alone.`,
    mentions: { slack: 2, teams: 1, zoom: 3, discord: 1, gchat: 1 },
    ranks: { slack: 1, teams: 2, zoom: 3, discord: 4, gchat: 5 },
  },
  {
    id: 'chat-slack-word',
    set: 'chat',
    text: `If your team feels the messages are getting out of hand, cut the tool some slack and fix your channel structure first. Slack, Teams and Discord all support threads; in Slack, channel naming conventions matter more than features.`,
    mentions: { slack: 2, teams: 1, discord: 1 },
    ranks: { slack: 1, teams: 2, discord: 3 },
  },
  {
    id: 'chat-annotated',
    set: 'chat',
    text: `According to [Slack's engineering blog](https://slack.engineering/) and a [Gartner review](https://www.gartner.com/reviews/market/team-chat), Slack leads in integrations, while Microsoft Teams leads in seat count.`,
    annotations: [
      { url: 'https://slack.com/features' },
      { url: 'https://www.microsoft.com/microsoft-teams' },
    ],
    mentions: { slack: 2, teams: 1 },
    ranks: { slack: 1, teams: 2 },
  },
  {
    id: 'payments-square-word',
    set: 'payments',
    text: `If you run a café, Square is usually the easiest way to start taking card payments: the Square POS app is free and the hardware is affordable. Stripe is better if you're building your own checkout online. For a 50 square meter shop with one till, SumUp's card readers are the cheapest option. Toast is built for restaurants specifically, though it requires a longer contract.`,
    mentions: { square: 2, stripe: 1, sumup: 1, toast: 1 },
    ranks: { square: 1, stripe: 2, sumup: 3, toast: 4 },
  },
  {
    id: 'payments-table',
    set: 'payments',
    text: `| Provider | In-person fees | Online fees | Notes |
| --- | --- | --- | --- |
| **Square** | 2.6% + 15¢ | 2.9% + 30¢ | Free POS software |
| **Stripe** | 2.7% + 5¢ | 2.9% + 30¢ | Stripe Terminal for in-person |
| **PayPal Zettle** | 2.29% + 9¢ | 3.49% + 49¢ | Good for PayPal users |
| **SumUp** | 2.75% | 2.9% + 15¢ | No monthly fee |

Square and Stripe are the most common choices for US merchants.`,
    mentions: { square: 2, stripe: 3, paypal: 2, sumup: 1 },
    ranks: { square: 1, stripe: 2, paypal: 3, sumup: 4 },
  },
  {
    id: 'payments-headings',
    set: 'payments',
    text: `## Square
- Best for: retail shops and cafés
- Hardware: Square Terminal, Square Register
- Downside: account holds are a common complaint

## Stripe
- Best for: online businesses with developers
- Hardware: Stripe Terminal (via partners)

## SumUp
- Best for: market stalls and pop-ups`,
    mentions: { square: 3, stripe: 2, sumup: 1 },
    ranks: { square: 1, stripe: 2, sumup: 3 },
  },
  {
    id: 'passwords-numbered',
    set: 'passwords',
    text: `The best password managers right now:

1. **1Password** — polished apps, Watchtower breach alerts, excellent family sharing.
2. **Bitwarden** — open source and the best free plan.
3. **Dashlane** — strong security features, but pricier than the rest.
4. **Keeper** — good for businesses that need compliance reporting.

I'd avoid LastPass after its 2022 breaches; many users moved to 1Password or Bitwarden.`,
    mentions: { onepassword: 2, bitwarden: 2, dashlane: 1, keeper: 1, lastpass: 1 },
    ranks: { onepassword: 1, bitwarden: 2, dashlane: 3, keeper: 4, lastpass: 5 },
  },
  {
    id: 'passwords-keeper-word',
    set: 'passwords',
    text: `A password manager is the keeper of all your credentials, so pick one with a good security record. Bitwarden is a solid, audited choice, and 1Password has the smoothest browser integration. LastPass had serious incidents in 2022. Keeper Security targets businesses with its admin console.`,
    mentions: { keeper: 1, bitwarden: 1, onepassword: 1, lastpass: 1 },
    ranks: { bitwarden: 1, onepassword: 2, lastpass: 3, keeper: 4 },
  },
  {
    id: 'passwords-table-links',
    set: 'passwords',
    text: `| Manager | Free plan | Open source | Link |
|---|---|---|---|
| Bitwarden | Yes | Yes | [bitwarden.com](https://bitwarden.com) |
| 1Password | No | No | [1password.com](https://1password.com) |
| Proton Pass | Yes | Yes | [proton.me/pass](https://proton.me/pass) |
| Dashlane | Limited | No | [dashlane.com](https://www.dashlane.com) |`,
    mentions: { bitwarden: 2, onepassword: 2, dashlane: 2 },
    ranks: { bitwarden: 1, onepassword: 2, dashlane: 4 },
  },
  {
    id: 'laptops-prose-products',
    set: 'laptops',
    text: `For a student who wants battery life, the MacBook Air with Apple's M3 chip is hard to beat. On Windows, the Dell XPS 13 and Lenovo's ThinkPad X1 Carbon are the usual recommendations, and HP's Spectre x360 is a good 2-in-1. Avoid buying on looks alone: an apple-shaped sticker won't make a laptop faster, and neither will RGB on an ASUS ROG.`,
    mentions: { apple: 2, dell: 1, lenovo: 1, hp: 1, asus: 1 },
    ranks: { apple: 1, dell: 2, lenovo: 3, hp: 4, asus: 5 },
  },
  {
    id: 'laptops-bold-numbers',
    set: 'laptops',
    text: `**1. Apple MacBook Pro 14** – The best overall for creative work.
**2. Dell XPS 15** – A great Windows alternative with an OLED option.
**3. ASUS Zenbook 14** – Excellent value with a bright display.
**4. Lenovo ThinkPad X1 Carbon** – The best keyboard on any laptop.

Apple's battery life is still unmatched, though Dell and Asus have closed the gap.`,
    mentions: { apple: 2, dell: 2, asus: 2, lenovo: 1 },
    ranks: { apple: 1, dell: 2, asus: 3, lenovo: 4 },
  },
  {
    id: 'laptops-hp-boundary',
    set: 'laptops',
    text: `Which laptop brand is most reliable? Surveys usually rank Apple first, then Lenovo and Dell, with HP and Asus in the middle. Note that "hp" in spec sheets can also mean horsepower, which is irrelevant here. An HP EliteBook is a safe business choice. For gaming, ASUS ROG laptops run hot but perform well.`,
    mentions: { apple: 1, lenovo: 1, dell: 1, hp: 2, asus: 2 },
    ranks: { apple: 1, lenovo: 2, dell: 3, hp: 4, asus: 5 },
  },
  {
    id: 'rides-unicode',
    set: 'rides',
    text: `In most European cities you can choose between Uber, Bolt and FREENOW. Bolt is usually cheaper, while Uber Black offers premium rides (German reviews often write Über). In Southeast Asia, Grab dominates. I'll grab a taxi at the airport myself, and I never buy a bolt-on insurance product.`,
    mentions: { uber: 3, bolt: 2, freenow: 1, grab: 1 },
    ranks: { uber: 1, bolt: 2, freenow: 3, grab: 4 },
  },
  {
    id: 'rides-bullets',
    set: 'rides',
    text: `Ride-hailing apps available in Berlin:

* FREE NOW – taxis and private hire, widely used by locals
* Bolt – often the cheapest fares
* Uber – reliable, with Uber Green electric rides

Free Now merged its brand into FREENOW in 2024. Sign up free now to get a discount.`,
    mentions: { freenow: 3, bolt: 1, uber: 2 },
    ranks: { freenow: 1, bolt: 2, uber: 3 },
  },
  {
    id: 'stack-symbols',
    set: 'stack',
    text: `For a cross-platform game, Unity with C# is the most common path; Godot is a lighter open-source alternative with its own GDScript but also supports C#. Engines written in C++ give you maximum control. If you also need a web backend, ASP.NET Core on .NET 8 fits well with a C# codebase. Avoid obscure domains like mygame.net for hosting. Note that C+ is not a language. Visual unity across platforms matters more than the engine.`,
    mentions: { unity: 1, csharp: 3, godot: 1, cpp: 1, dotnet: 2 },
    ranks: { unity: 1, csharp: 2, godot: 3, cpp: 4, dotnet: 5 },
  },
  {
    id: 'industrial-3m',
    set: 'industrial',
    text: `For industrial adhesives and safety equipment, 3M is the best-known brand, and Honeywell is its closest rival in PPE. DuPont makes Tyvek suits. You will need about 3m of tape per window, and a 3M respirator is a good buy. General Electric no longer competes in this space after splitting into GE Aerospace and GE Vernova.`,
    mentions: { '3m': 2, honeywell: 1, dupont: 1, ge: 3 },
    ranks: { '3m': 1, honeywell: 2, dupont: 3, ge: 4 },
  },
  {
    id: 'crm-long-chatgpt',
    set: 'crm',
    text: `Choosing a CRM depends on team size, budget and how much customization you need. Below is a breakdown.

### 🥇 Top recommendations

1. **HubSpot CRM** ([hubspot.com](https://www.hubspot.com/products/crm?utm_source=chatgpt.com))
   - **Why:** Free core CRM, strong marketing automation.
   - **Watch out:** Costs climb quickly once you add Sales Hub Professional.
2. **Pipedrive** ([G2](https://www.g2.com/products/pipedrive/reviews?utm_source=chatgpt.com))
   - **Why:** Visual pipeline, very easy to adopt.
3. **Salesforce**
   - **Why:** Unmatched ecosystem (AppExchange) and reporting.
   - **Watch out:** Implementation often needs a consultant.

### Quick comparison

| Feature | HubSpot | Pipedrive | Salesforce |
|---|---|---|---|
| Free plan | Yes | No | No |
| Ease of use | High | High | Medium |

**Bottom line:** start with HubSpot unless you already know you need Salesforce-level customization.`,
    mentions: { hubspot: 5, pipedrive: 2, salesforce: 3 },
    ranks: { hubspot: 1, pipedrive: 2, salesforce: 3 },
  },
  {
    id: 'laptops-fruit-answer',
    set: 'laptops',
    text: `Apple crumble is easiest with tart cooking apples. Peel and slice the apples, toss them with sugar and cinnamon, and top with a butter crumble. Apple varieties like Bramley hold their shape. Bake for 40 minutes.`,
    mentions: {},
    ranks: {},
  },
  {
    id: 'notes-emoji-bullets',
    set: 'notes',
    text: `Here's a quick take:

- ✅ **Notion**: best for teams and wikis
- ✅ **Obsidian**: best for personal knowledge bases
- ⚠️ **Evernote**: fine, but stagnating

i still use evernote for receipts, honestly. Notion AI is handy for summaries.`,
    mentions: { notion: 2, obsidian: 1, evernote: 2 },
    ranks: { notion: 1, obsidian: 2, evernote: 3 },
  },
  {
    id: 'passwords-perplexity',
    set: 'passwords',
    text: `Bitwarden is widely considered the best free password manager[1][3], while 1Password is praised for its design and Travel Mode[2]. LastPass suffered a major breach in 2022 that exposed encrypted vaults[4].

[1] https://bitwarden.com/pricing/
[2] https://1password.com/features
[3] https://www.pcmag.com/picks/the-best-free-password-managers
[4] https://www.theverge.com/2022/12/22/lastpass-breach`,
    mentions: { bitwarden: 1, onepassword: 1, lastpass: 1 },
    ranks: { bitwarden: 1, onepassword: 2, lastpass: 3 },
  },
  {
    id: 'laptops-plural-possessive',
    set: 'laptops',
    text: `Our office runs on a mix of Dells and ThinkPads. The Dells are cheaper to repair, but Lenovo's warranty service has been faster. Two of our designers use MacBook Pros.`,
    mentions: { dell: 2, lenovo: 2, apple: 1 },
    ranks: { dell: 1, lenovo: 2, apple: 3 },
  },
  {
    id: 'chat-no-brands',
    set: 'chat',
    text: `Good team communication depends more on habits than tools: agree on response times, keep decisions in writing, and use threads so discussions stay focused. Slack time in the schedule helps people catch up.`,
    mentions: {},
    ranks: {},
  },
];
