import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { organizations, users } from './identity.ts';

/** An organization's workspaces; every module hangs its work on a project. */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('projects_org_id_idx').on(t.orgId),
    index('projects_created_at_idx').on(t.createdAt),
    uniqueIndex('projects_org_name_key').on(t.orgId, t.name),
  ],
);
