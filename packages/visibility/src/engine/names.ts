import { GENERIC_HEADS, isCommonWord } from './words.ts';

const CONNECTORS = new Set(['of', 'for', '&', '+', 'and', 'de', 'by']);
const MAX_TOKENS = 4;

function distinctive(token: string): boolean {
  // CamelCase, digits or dots inside a word mark a name ("HubSpot", "1Password", "Monday.com").
  return /\p{Ll}\p{Lu}/u.test(token) || /\d/.test(token) || /\p{L}\.\p{L}/u.test(token);
}

function capitalised(token: string): boolean {
  return /^[\p{Lu}\d]/u.test(token);
}

/**
 * A short capitalised phrase that reads like a product or company name ("Pipedrive", "Zoho CRM",
 * "Microsoft Dynamics 365"), not a heading made of ordinary words ("Customer Support", "Pricing").
 * Returns the cleaned name, or null.
 */
export function brandLikeName(raw: string): string | null {
  const name = raw
    .replace(/[*_`[\]]/g, '')
    .replace(/[\s.,;:!?'"”)]+$/u, '')
    .replace(/^[\s"“(]+/u, '')
    .trim();
  if (name.length < 2 || name.length > 40) return null;
  const tokens = name.split(/\s+/);
  if (tokens.length > MAX_TOKENS) return null;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!capitalised(first) || CONNECTORS.has(last.toLowerCase())) return null;
  if (/^\d+$/.test(first)) return null;
  for (const t of tokens) if (!capitalised(t) && !CONNECTORS.has(t.toLowerCase())) return null;
  if (tokens.length === 1 && first.length <= 4 && first === first.toUpperCase() && !/\d/.test(first))
    return null;
  const words = tokens.filter((t) => !CONNECTORS.has(t.toLowerCase()));
  const ordinary = (t: string) => {
    const bare = t.replace(/[^\p{L}\p{N}';-]/gu, '');
    return !distinctive(t) && (GENERIC_HEADS.has(bare.toLowerCase()) || isCommonWord(bare));
  };
  if (words.every(ordinary)) return null;
  return name;
}
