import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { plans } from './schema/billing.ts';

/** Plans every installation has. Quotas are per calendar month (UTC); a metric left out is unlimited. */
export const BUILTIN_PLANS = [
  {
    id: 'free',
    name: 'Free',
    rateLimitPerMinute: 600,
    retentionDays: 90,
    quotas: {
      'exports.created': 20,
      assessment_completed: 20,
      'compliance.max_document_bytes': 10 * 1024 * 1024,
      'members.seats': 5,
      'projects.count': 3,
      'storage.bytes': 500 * 1024 * 1024,
    },
  },
  {
    id: 'pro',
    name: 'Pro',
    rateLimitPerMinute: 3000,
    retentionDays: null,
    quotas: {
      'exports.created': 500,
      assessment_completed: 1000,
      'compliance.max_document_bytes': 100 * 1024 * 1024,
      'members.seats': 50,
      'projects.count': 100,
      'storage.bytes': 50 * 1024 * 1024 * 1024,
    },
  },
] as const;

/** Inserts the built-in plans, updating limits when they changed; safe to run on every start. */
export async function seedPlans(db: Db): Promise<void> {
  for (const plan of BUILTIN_PLANS) {
    await db
      .insert(plans)
      .values({ ...plan, quotas: { ...plan.quotas } })
      .onConflictDoUpdate({
        target: plans.id,
        set: {
          name: sql`excluded.name`,
          quotas: sql`excluded.quotas`,
          rateLimitPerMinute: sql`excluded.rate_limit_per_minute`,
          retentionDays: sql`excluded.retention_days`,
        },
      });
  }
}
