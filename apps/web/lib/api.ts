import { cookies } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { cache } from 'react';
import { apiUrl, ORG_COOKIE, SESSION_COOKIE } from './config';
import { ApiError, describeError, toApiError } from './errors';
import { visitorHeaders } from './forward';
import type { Me } from './types';

interface CallOptions {
  method?: string;
  body?: unknown;
  /** Send no session (sign in, sign up). */
  anonymous?: boolean;
  /** Send no X-Org-Id: let the API pick the user's first organization. */
  noOrg?: boolean;
  /** Send this Bearer token instead of the session cookie's (right after an external sign-in). */
  token?: string;
}

/** Server-side call to the API with the caller's session as a Bearer token and the chosen organization. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const jar = await cookies();
  const headers: Record<string, string> = { accept: 'application/json', ...(await visitorHeaders()) };
  const token = options.token ?? jar.get(SESSION_COOKIE)?.value;
  if (token && !options.anonymous) headers.authorization = `Bearer ${token}`;
  const org = jar.get(ORG_COOKIE)?.value;
  if (org && !options.noOrg && !options.anonymous) headers['x-org-id'] = org;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${apiUrl()}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(503, 'API_UNREACHABLE', 'The Assay API cannot be reached. Is it running?');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** In pages: an expired session sends the user to sign in instead of an error page. */
export async function load<T>(path: string): Promise<T> {
  try {
    return await api<T>(path);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ApiError && error.status === 401) redirect('/signin?expired=1');
    throw error;
  }
}

/** The signed-in user, once per request. A stale org cookie (left, removed) falls back to the first org. */
export const getMe = cache(async (): Promise<Me> => {
  try {
    return await api<Me>('/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/signin?expired=1');
    if (error instanceof ApiError && (error.status === 403 || error.status === 404))
      return api<Me>('/v1/me', { noOrg: true });
    throw error;
  }
});

/** For pages that show an API failure inline rather than on an error page. */
export async function attempt<T>(
  promise: Promise<T>,
): Promise<{ data: T; error: null } | { data: null; error: string }> {
  try {
    return { data: await promise, error: null };
  } catch (error) {
    unstable_rethrow(error);
    return { data: null, error: describeError(error) };
  }
}
