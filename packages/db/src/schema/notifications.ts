import { boolean, index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { organizations, users } from './identity.ts';

/** Which emails a member wants from one organization. No row means the defaults (all on). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jobFinished: boolean('job_finished').notNull().default(true),
    jobFailed: boolean('job_failed').notNull().default(true),
    invitation: boolean('invitation').notNull().default(true),
    quotaNearlyReached: boolean('quota_nearly_reached').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notification_preferences_org_id_idx').on(t.orgId),
    index('notification_preferences_created_at_idx').on(t.createdAt),
    uniqueIndex('notification_preferences_org_user_key').on(t.orgId, t.userId),
  ],
);
