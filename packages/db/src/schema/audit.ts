import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

export type AuditChanges = {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Append-only: the product inserts rows and never updates or deletes them. */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    traceId: text('trace_id'),
    changes: jsonb('changes').$type<AuditChanges>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_logs_org_id_idx').on(t.orgId),
    index('audit_logs_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('audit_logs_created_at_idx').on(t.createdAt),
  ],
);
