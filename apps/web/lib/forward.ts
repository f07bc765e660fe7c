import { cookies } from 'next/headers';
import { apiUrl, ORG_COOKIE, SESSION_COOKIE } from './config';

/** Headers for a server-side call on behalf of the browser: the session cookie becomes a Bearer token. */
export async function forwardHeaders(): Promise<Record<string, string>> {
  const jar = await cookies();
  const headers: Record<string, string> = { accept: 'application/json' };
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
