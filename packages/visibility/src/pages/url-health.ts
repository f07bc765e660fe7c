import { type SafeFetchOptions, safeFetch } from '@assay/core';
import { readPage } from '../health/page.ts';
import { scorePage } from '../health/score.ts';
import type { HealthReport, PageInput } from '../health/types.ts';

export interface FetchPolicy {
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

const SIDE_FILE_BYTES = 512 * 1024;

/** A side file (robots.txt, llms.txt, Markdown twin): its text on a 2xx, null otherwise. */
async function optionalText(url: string, options: SafeFetchOptions, accept: RegExp): Promise<string | null> {
  try {
    const res = await safeFetch(url, { ...options, maxBytes: SIDE_FILE_BYTES });
    if (res.status < 200 || res.status >= 300) return null;
    const type = String(res.headers['content-type'] ?? '');
    // A site answering every path with its HTML shell has no such file.
    if (/text\/html/i.test(type) || !accept.test(type || 'text/plain')) return null;
    return res.text();
  } catch {
    return null;
  }
}

/** Where a page's Markdown version would be: the linked alternate, else the page path plus `.md`. */
export function markdownTwinUrl(pageUrl: string, html: string): string {
  const linked = readPage(html).links.find(
    (l) => (l.rel ?? '').toLowerCase().includes('alternate') && /markdown/i.test(l.type ?? '') && l.href,
  );
  if (linked?.href) return new URL(linked.href, pageUrl).toString();
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname === '/' ? '/index.md' : `${url.pathname.replace(/\/$/, '')}.md`;
  return url.toString();
}

/**
 * Fetches a public page and what the LLM-readiness checks look at (robots.txt, /llms.txt, the
 * Markdown twin), all through safeFetch. Throws SafeFetchError when the page itself cannot be fetched.
 */
export async function fetchPageInput(raw: string, policy: FetchPolicy, at = new Date()): Promise<PageInput> {
  const options: SafeFetchOptions = {
    allowPrivate: policy.allowPrivate,
    timeoutMs: policy.timeoutMs ?? 10_000,
    maxBytes: policy.maxBytes ?? 5 * 1024 * 1024,
  };
  const res = await safeFetch(raw, { ...options, headers: { accept: 'text/html,application/xhtml+xml' } });
  const finalUrl = res.url;
  const origin = new URL(finalUrl).origin;
  const html = res.text();
  const [robotsTxt, llmsTxt, markdownTwin] = await Promise.all([
    optionalText(`${origin}/robots.txt`, options, /text\/plain/i),
    optionalText(`${origin}/llms.txt`, options, /text\/(plain|markdown)/i),
    optionalText(markdownTwinUrl(finalUrl, html), options, /text\/(plain|markdown|x-markdown)/i),
  ]);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join('\n') : v;
  return {
    url: finalUrl,
    status: res.status,
    headers,
    html,
    robotsTxt,
    llmsTxt,
    markdownTwin,
    fetchedAt: at,
  };
}

export async function scoreUrl(
  raw: string,
  policy: FetchPolicy,
  at = new Date(),
): Promise<HealthReport & { url: string; status: number }> {
  const input = await fetchPageInput(raw, policy, at);
  return { url: input.url, status: input.status, ...scorePage(input) };
}
