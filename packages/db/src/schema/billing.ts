import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';

/** Quota limits keyed by metric (for example `exports.created`); a missing metric is unlimited. */
export type PlanQuotas = Record<string, number>;

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  quotas: jsonb('quotas').$type<PlanQuotas>().notNull(),
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
  retentionDays: integer('retention_days'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const usageEvents = pgTable(
  'usage_events',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('usage_events_org_id_idx').on(t.orgId),
    index('usage_events_org_metric_created_idx').on(t.orgId, t.metric, t.createdAt),
    index('usage_events_created_at_idx').on(t.createdAt),
  ],
);
