import { cookies, headers as requestHeaders } from 'next/headers';
import { apiUrl, ORG_COOKIE, SESSION_COOKIE } from './config';

/**
 * The visitor's address for the API, which believes X-Forwarded-For from loopback (TRUST_PROXY): per-IP
 * limits (sign-in, anonymous pages) then count each visitor, not the web app as one client.
 */
export async function visitorHeaders(): Promise<Record<string, string>> {
  const forwardedFor = (await requestHeaders()).get('x-forwarded-for');
  return forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
}

/** Headers for a server-side call on behalf of the browser: the session cookie becomes a Bearer token. */
export async function forwardHeaders(): Promise<Record<string, string>> {
  const jar = await cookies();
  const headers: Record<string, string> = { accept: 'application/json', ...(await visitorHeaders()) };
  const token = jar.get(SESSION_COOKIE)?.value;
  const org = jar.get(ORG_COOKIE)?.value;
  if (token) headers.authorization = `Bearer ${token}`;
  if (org) headers['x-org-id'] = org;
  return headers;
}

export const unreachable = () =>
  Response.json(
    {
      error: {
        code: 'API_UNREACHABLE',
        message: 'The Assay API cannot be reached. Is it running?',
        details: [],
        trace_id: null,
      },
    },
    { status: 503 },
  );

export const apiBase = apiUrl;
