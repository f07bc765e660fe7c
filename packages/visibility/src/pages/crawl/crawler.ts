import {
  ASSAY_USER_AGENT,
  parseOutboundUrl,
  SafeFetchError,
  type SafeResponse,
  safeFetch,
} from '@assay/core';
import { parseRobots, type RobotsGroup, robotsAllows } from '../../health/robots.ts';
import { extractReadable, type ReadableContent } from './readable.ts';

/** The product token robots.txt groups name to address our crawler. */
export const CRAWLER_TOKEN = 'AssayBot';

export interface CrawlOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  signal?: AbortSignal;
}

export type CrawlResult =
  | { url: string; status: 'fetched'; httpStatus: number; content: ReadableContent }
  | { url: string; status: 'blocked' | 'failed'; httpStatus: number | null; error: string };

export const CRAWL_DEFAULTS = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };
const ROBOTS_MAX_BYTES = 512 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches pages for a knowledge page draft, politely: robots.txt is read once per origin and obeyed
 * for our own token (a missing or unreadable robots.txt allows everything, as RFC 9309 says for 4xx;
 * a 5xx or timeout disallows, as it also says), every fetch goes through safeFetch (private addresses
 * refused unless the operator allows them, bounded time and size), and only HTML or text is read.
 */
export class Crawler {
  private readonly robots = new Map<string, Promise<RobotsGroup[] | 'unreachable'>>();
  private readonly options: CrawlOptions;

  constructor(options: CrawlOptions) {
    this.options = options;
  }

  private fetchOptions(maxBytes: number) {
    return {
      allowPrivate: this.options.allowPrivate,
      timeoutMs: this.options.timeoutMs ?? CRAWL_DEFAULTS.timeoutMs,
      maxBytes,
      userAgent: this.options.userAgent ?? ASSAY_USER_AGENT,
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1' },
    };
  }

  robotsFor(origin: string): Promise<RobotsGroup[] | 'unreachable'> {
    let pending = this.robots.get(origin);
    if (!pending) {
      pending = safeFetch(`${origin}/robots.txt`, this.fetchOptions(ROBOTS_MAX_BYTES)).then(
        (res) => {
          if (res.status >= 500) return 'unreachable' as const;
          return res.status >= 200 && res.status < 300 ? parseRobots(res.text()) : [];
        },
        (error: unknown) => {
          // A refused address is the page's problem too; report it on the page fetch.
          if (error instanceof SafeFetchError && error.code === 'blocked_address') throw error;
          return 'unreachable' as const;
        },
      );
      this.robots.set(origin, pending);
    }
    return pending;
  }

  /** Why robots.txt keeps us from `url`, or null when we may fetch it. */
  private async robotsRefusal(url: URL): Promise<string | null> {
    const groups = await this.robotsFor(url.origin);
    if (groups === 'unreachable')
      return `robots.txt of ${url.host} could not be read (server error or timeout), so the site is not crawled`;
    const verdict = robotsAllows(groups, CRAWLER_TOKEN, url.pathname + url.search);
    return verdict.allowed
      ? null
      : `robots.txt disallows ${CRAWLER_TOKEN} from ${url.pathname} (${verdict.rule?.pattern})`;
  }

  async crawl(raw: string): Promise<CrawlResult> {
    let url: URL;
    try {
      url = parseOutboundUrl(raw);
    } catch (error) {
      return { url: raw, status: 'failed', httpStatus: null, error: (error as Error).message };
    }
    try {
      // Redirects are followed here, not inside safeFetch, so robots.txt is obeyed at every hop.
      let res: SafeResponse | null = null;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const refusal = await this.robotsRefusal(url);
        if (refusal) return { url: raw, status: 'blocked', httpStatus: null, error: refusal };
        res = await safeFetch(url.toString(), {
          ...this.fetchOptions(this.options.maxBytes ?? CRAWL_DEFAULTS.maxBytes),
          maxRedirects: 0,
        });
        const location = res.headers.location;
        if (!REDIRECTS.has(res.status) || !location) break;
        if (hop === MAX_REDIRECTS)
          return {
            url: raw,
            status: 'failed',
            httpStatus: res.status,
            error: `More than ${MAX_REDIRECTS} redirects`,
          };
        url = parseOutboundUrl(new URL(location, url).toString());
      }
      if (!res) throw new SafeFetchError('network', 'No response');
      if (res.status < 200 || res.status >= 300)
        return {
          url: raw,
          status: 'failed',
          httpStatus: res.status,
          error: `The page answered HTTP ${res.status}`,
        };
      const type = String(res.headers['content-type'] ?? 'text/html').toLowerCase();
      if (!/text\/html|application\/xhtml|text\/plain/.test(type))
        return {
          url: raw,
          status: 'failed',
          httpStatus: res.status,
          error: `Not a web page (${type.split(';')[0]})`,
        };
      const content = type.includes('text/plain') ? plainText(res.text()) : extractReadable(res.text());
      if (content.blocks.length === 0)
        return { url: raw, status: 'failed', httpStatus: res.status, error: 'No readable text on the page' };
      return { url: raw, status: 'fetched', httpStatus: res.status, content };
    } catch (error) {
      const message = error instanceof SafeFetchError ? error.message : 'The page could not be fetched';
      return { url: raw, status: 'failed', httpStatus: null, error: message };
    }
  }
}

function plainText(text: string): ReadableContent {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p.slice(0, 4000) }));
  return {
    title: null,
    description: null,
    siteName: null,
    lang: null,
    blocks,
    chars: blocks.reduce((n, b) => n + b.text.length, 0),
  };
}
