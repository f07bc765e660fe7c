import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../uuid.ts';

/** Time-ordered UUID primary key: ids sort by creation, which keeps btree inserts local and cursors simple. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

/**
 * Millisecond precision by default, like the JavaScript dates page cursors carry: rows inserted by one
 * statement share a timestamp, and a cursor must be able to name it exactly, or the rest of the batch
 * would fall between two pages.
 */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().default(sql`date_trunc('milliseconds', now())`);
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const tstz = (name: string) => timestamp(name, { withTimezone: true });
