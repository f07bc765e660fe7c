import { type AnyColumn, and, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?page[size]=20&page[cursor]=...` — both optional. Fastify's querystring parser keeps the brackets in the key. */
export const pageQuery = z.object({
  'page[size]': z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  'page[cursor]': z.string().max(200).optional(),
});

export const pageMeta = z.object({ next_cursor: z.string().nullable(), has_more: z.boolean() });
export const paginated = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), meta: pageMeta });

/** A position in a list ordered by (created_at desc, id desc). Opaque to clients. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export const encodeCursor = (row: { createdAt: Date; id: string }): string =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const createdAt = new Date(at);
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime()))
      throw new Error();
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_ERROR', 'Invalid page cursor', {
      details: [{ field: 'page[cursor]', message: 'not a cursor this API issued' }],
    });
  }
}

/** Given `size + 1` rows, returns the page and its meta. */
export function toPage<T extends { createdAt: Date; id: string }, O>(
  rows: T[],
  size: number,
  map: (row: T) => O,
) {
  const hasMore = rows.length > size;
  const page = hasMore ? rows.slice(0, size) : rows;
  return {
    data: page.map(map),
    meta: { next_cursor: hasMore ? encodeCursor(page[page.length - 1]) : null, has_more: hasMore },
  };
}

/** Rows strictly after the cursor in (created_at desc, id desc) order; no condition on the first page. */
export function afterCursor(
  createdAt: AnyColumn,
  id: AnyColumn,
  cursor: Cursor | undefined,
): SQL | undefined {
  return cursor
    ? or(lt(createdAt, cursor.createdAt), and(eq(createdAt, cursor.createdAt), lt(id, cursor.id)))
    : undefined;
}
