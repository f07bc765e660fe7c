export interface FoundLink {
  /** The URL as written. */
  raw: string;
  title: string | null;
  source: 'markdown' | 'bare_url';
  /** Where the URL itself sits; brand names inside it are not mentions. */
  urlSpan: [number, number];
}

const MARKDOWN_LINK =
  /\[([^\]\n]{0,500})\]\(\s*<?((?:https?:)?\/\/[^\s)>]+|www\.[^\s)>]+)>?(?:\s+["'][^"'\n]*["'])?\s*\)/gi;
const REFERENCE_DEFINITION = /^[ \t]*\[[^\]\n]+\]:[ \t]*<?((?:https?:)?\/\/[^\s>]+|www\.[^\s>]+)>?/gim;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`[\]{}|\\^]+/gi;
const TRACKING_PARAM = /^(?:utm_\w+|gclid|fbclid|msclkid|mc_cid|mc_eid|ref|ref_src|srsltid|_hsenc|_hsmi)$/i;

/** Drops punctuation that ends the sentence rather than the URL, keeping balanced parentheses. */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const last = out[out.length - 1];
    if (/[.,;:!?*_'"]/.test(last)) out = out.slice(0, -1);
    else if (last === ')' && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0))
      out = out.slice(0, -1);
    else return out;
  }
}

function stripMarkup(text: string): string {
  return text.replace(/[*_`]/g, '').trim();
}

/** Markdown links, reference definitions and bare URLs, in text order. */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const urlStart = m.index + m[0].indexOf('(', m[1].length + 1);
    const span: [number, number] = [urlStart, m.index + m[0].length];
    links.push({ raw: m[2], title: stripMarkup(m[1]) || null, source: 'markdown', urlSpan: span });
    taken.push(span);
  }
  for (const m of text.matchAll(REFERENCE_DEFINITION)) {
    const start = m.index + m[0].indexOf(m[1]);
    const span: [number, number] = [start, start + m[1].length];
    if (taken.some((t) => t[0] <= span[0] && span[1] <= t[1])) continue;
    links.push({ raw: m[1], title: null, source: 'markdown', urlSpan: span });
    taken.push(span);
  }
  for (const m of text.matchAll(BARE_URL)) {
    const raw = trimUrl(m[0]);
    const span: [number, number] = [m.index, m.index + raw.length];
    if (taken.some((t) => t[0] < span[1] && span[0] < t[1])) continue;
    links.push({ raw, title: null, source: 'bare_url', urlSpan: span });
  }
  return links.sort((a, b) => a.urlSpan[0] - b.urlSpan[0]);
}

export interface NormalisedUrl {
  url: string;
  /** Lower-case host without a leading `www.`. */
  host: string;
}

/** Canonical form for counting citations: https/http only, no fragment, no tracking parameters. */
export function normaliseUrl(raw: string): NormalisedUrl | null {
  let input = raw.trim();
  if (/^\/\//.test(input)) input = `https:${input}`;
  else if (/^www\./i.test(input)) input = `https://${input}`;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
  url.hostname = host;
  return { url: url.toString(), host };
}
