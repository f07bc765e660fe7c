import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../uuid.ts';

/** Time-ordered UUID primary key: ids sort by creation, which keeps btree inserts local and cursors simple. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const tstz = (name: string) => timestamp(name, { withTimezone: true });
