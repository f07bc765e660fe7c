import { apiUrl } from './config';
import { visitorHeaders } from './forward';

const ORG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const validOrg = (org: string) => ORG.test(org);
export const validSlug = (slug: string) => SLUG.test(slug);

const NOT_FOUND_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title>
<meta name="robots" content="noindex"></head><body><h1>Not found</h1><p>There is no published page here.</p></body></html>`;

export function notFoundResponse(): Response {
  return new Response(NOT_FOUND_HTML, {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=30' },
  });
}

/** Reads the public site API (published pages only; no session is ever sent). */
export async function publicApi(path: string): Promise<Response | null> {
  let res: Response;
  try {
    res = await fetch(`${apiUrl()}/v1/public/sites/${path}`, {
      cache: 'no-store',
      headers: { accept: 'application/json, text/plain', ...(await visitorHeaders()) },
    });
  } catch {
    return new Response('The site is temporarily unavailable.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
    });
  }
  if (res.status === 404 || res.status === 422) return null;
  if (!res.ok)
    return new Response('The site is temporarily unavailable.', {
      status: 502,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return res;
}

/**
 * Knowledge pages are user content, also served on the app's own origin (the `/p/` fallback): the
 * renderer escapes everything, and this policy makes sure nothing on them can run or be framed anyway.
 */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function textResponse(body: string, type: string): Response {
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=60' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = PAGE_CSP;
  return new Response(body, { headers });
}
