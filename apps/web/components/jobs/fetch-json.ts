import { ApiError, toApiError } from '@/lib/errors';

/** Client-side read through the same-origin proxy (/api/v1/...). */
export async function fetchJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The network request failed. Check your connection.');
  }
  if (res.status === 401) {
    window.location.href = '/signin?expired=1';
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}
