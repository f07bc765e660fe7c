import { load } from './api';
import type { Page } from './types';

/** Follows a list's cursor up to `maxPages` pages of 100 (the API's largest page). */
export async function loadAll<T>(path: string, maxPages = 20): Promise<{ data: T[]; truncated: boolean }> {
  const sep = path.includes('?') ? '&' : '?';
  const data: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await load<Page<T>>(
      `${path}${sep}page[size]=100${cursor ? `&page[cursor]=${encodeURIComponent(cursor)}` : ''}`,
    );
    data.push(...page.data);
    if (!page.meta.has_more || !page.meta.next_cursor) return { data, truncated: false };
    cursor = page.meta.next_cursor;
  }
  return { data, truncated: true };
}
