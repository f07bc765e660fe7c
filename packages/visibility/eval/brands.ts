import type { TrackedBrand } from '../src/engine/types.ts';

/** Brand sets of the evaluation answers: one owned brand and its competitors per market. */
export const BRAND_SETS: Record<string, TrackedBrand[]> = {
  crm: [
    {
      id: 'hubspot',
      name: 'HubSpot',
      products: ['HubSpot CRM', 'Sales Hub'],
      domains: ['hubspot.com'],
      owned: true,
    },
    {
      id: 'salesforce',
      name: 'Salesforce',
      aliases: ['SFDC'],
      products: ['Sales Cloud'],
      domains: ['salesforce.com'],
    },
    { id: 'pipedrive', name: 'Pipedrive', domains: ['pipedrive.com'] },
    { id: 'zoho', name: 'Zoho', products: ['Zoho CRM', 'Bigin'], domains: ['zoho.com'] },
    { id: 'monday', name: 'monday.com', aliases: ['Monday', 'monday CRM'], domains: ['monday.com'] },
  ],
  notes: [
    { id: 'notion', name: 'Notion', domains: ['notion.so', 'notion.com'], owned: true },
    { id: 'obsidian', name: 'Obsidian', domains: ['obsidian.md'] },
    { id: 'evernote', name: 'Evernote', domains: ['evernote.com'] },
    { id: 'coda', name: 'Coda', domains: ['coda.io'] },
    { id: 'onenote', name: 'Microsoft OneNote', aliases: ['OneNote'] },
  ],
  chat: [
    { id: 'slack', name: 'Slack', domains: ['slack.com'], owned: true },
    {
      id: 'teams',
      name: 'Microsoft Teams',
      aliases: ['Teams', 'MS Teams'],
      domains: ['teams.microsoft.com'],
    },
    { id: 'discord', name: 'Discord', domains: ['discord.com'] },
    { id: 'zoom', name: 'Zoom', products: ['Zoom Team Chat'], domains: ['zoom.us'] },
    { id: 'gchat', name: 'Google Chat' },
  ],
  payments: [
    {
      id: 'square',
      name: 'Square',
      products: ['Square POS', 'Square Terminal'],
      domains: ['squareup.com'],
      owned: true,
    },
    { id: 'stripe', name: 'Stripe', products: ['Stripe Terminal'], domains: ['stripe.com'] },
    { id: 'paypal', name: 'PayPal', products: ['PayPal Zettle', 'Zettle'], domains: ['paypal.com'] },
    { id: 'sumup', name: 'SumUp', domains: ['sumup.com'] },
    { id: 'toast', name: 'Toast', aliases: ['Toast POS'], domains: ['toasttab.com'] },
  ],
  passwords: [
    { id: 'onepassword', name: '1Password', domains: ['1password.com'], owned: true },
    { id: 'bitwarden', name: 'Bitwarden', domains: ['bitwarden.com'] },
    { id: 'lastpass', name: 'LastPass', domains: ['lastpass.com'] },
    { id: 'dashlane', name: 'Dashlane', domains: ['dashlane.com'] },
    { id: 'keeper', name: 'Keeper', aliases: ['Keeper Security'], domains: ['keepersecurity.com'] },
  ],
  laptops: [
    {
      id: 'apple',
      name: 'Apple',
      products: ['MacBook Air', 'MacBook Pro', 'MacBook'],
      domains: ['apple.com'],
      owned: true,
    },
    { id: 'dell', name: 'Dell', products: ['XPS 13', 'XPS'], domains: ['dell.com'] },
    { id: 'lenovo', name: 'Lenovo', products: ['ThinkPad', 'Yoga Slim'], domains: ['lenovo.com'] },
    { id: 'hp', name: 'HP', products: ['EliteBook', 'Spectre x360'], domains: ['hp.com'] },
    { id: 'asus', name: 'ASUS', aliases: ['Asus'], products: ['Zenbook', 'ROG'], domains: ['asus.com'] },
  ],
  rides: [
    { id: 'uber', name: 'Uber', aliases: ['Über'], domains: ['uber.com'], owned: true },
    { id: 'lyft', name: 'Lyft', domains: ['lyft.com'] },
    { id: 'bolt', name: 'Bolt', domains: ['bolt.eu'] },
    { id: 'freenow', name: 'FREENOW', aliases: ['FREE NOW', 'Free Now'], domains: ['free-now.com'] },
    { id: 'grab', name: 'Grab', domains: ['grab.com'] },
  ],
  stack: [
    {
      id: 'dotnet',
      name: '.NET',
      products: ['ASP.NET Core'],
      domains: ['dotnet.microsoft.com'],
      owned: true,
    },
    { id: 'cpp', name: 'C++' },
    { id: 'csharp', name: 'C#' },
    { id: 'unity', name: 'Unity', domains: ['unity.com'] },
    { id: 'godot', name: 'Godot', aliases: ['Godot Engine'], domains: ['godotengine.org'] },
  ],
  industrial: [
    { id: '3m', name: '3M', domains: ['3m.com'], owned: true },
    { id: 'honeywell', name: 'Honeywell', domains: ['honeywell.com'] },
    { id: 'ge', name: 'GE', aliases: ['General Electric', 'GE Aerospace'], domains: ['ge.com'] },
    { id: 'siemens', name: 'Siemens', domains: ['siemens.com'] },
    { id: 'dupont', name: 'DuPont', domains: ['dupont.com'] },
  ],
};
