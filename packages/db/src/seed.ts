import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { plans } from './schema/billing.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;
/** LLM budgets are in USD millionths, the unit `llm_usage.cost_micros` records. */
const USD = 1_000_000;

/**
 * Plans every installation has. Quotas are per calendar month (UTC) unless they are counts
 * (projects, seats, storage); a metric left out is unlimited. Prices are monthly, in minor units.
 */
export const BUILTIN_PLANS = [
  {
    id: 'free',
    name: 'Free',
    rank: 0,
    prices: {},
    seats: 5,
    rateLimitPerMinute: 600,
    retentionDays: 90,
    quotas: {
      'exports.created': 20,
      assessment_completed: 20,
      'visibility.scan_answers': 200,
      'intel.reports_ingested': 50,
      'llm.cost_micros': 5 * USD,
      'compliance.max_document_bytes': 10 * MB,
      'members.seats': 5,
      'projects.count': 3,
      'storage.bytes': 500 * MB,
    },
  },
  {
    id: 'pro',
    name: 'Pro',
    rank: 1,
    prices: { USD: 4_900, INR: 399_900 },
    seats: 50,
    rateLimitPerMinute: 3000,
    retentionDays: null,
    quotas: {
      'exports.created': 500,
      assessment_completed: 1000,
      'visibility.scan_answers': 10_000,
      'intel.reports_ingested': 2_000,
      'llm.cost_micros': 200 * USD,
      'compliance.max_document_bytes': 100 * MB,
      'members.seats': 50,
      'projects.count': 100,
      'storage.bytes': 50 * GB,
    },
  },
  {
    id: 'business',
    name: 'Business',
    rank: 2,
    prices: { USD: 19_900, INR: 1_599_900 },
    seats: 200,
    rateLimitPerMinute: 12_000,
    retentionDays: null,
    quotas: {
      'exports.created': 5_000,
      assessment_completed: 10_000,
      'visibility.scan_answers': 100_000,
      'intel.reports_ingested': 20_000,
      'llm.cost_micros': 2_000 * USD,
      'compliance.max_document_bytes': 200 * MB,
      'members.seats': 200,
      'projects.count': 1_000,
      'storage.bytes': 500 * GB,
    },
  },
] as const;

/** Inserts the built-in plans, updating limits and prices when they changed; safe to run on every start. */
export async function seedPlans(db: Db): Promise<void> {
  for (const plan of BUILTIN_PLANS) {
    await db
      .insert(plans)
      .values({ ...plan, quotas: { ...plan.quotas }, prices: { ...plan.prices } })
      .onConflictDoUpdate({
        target: plans.id,
        set: {
          name: sql`excluded.name`,
          quotas: sql`excluded.quotas`,
          rateLimitPerMinute: sql`excluded.rate_limit_per_minute`,
          retentionDays: sql`excluded.retention_days`,
          prices: sql`excluded.prices`,
          seats: sql`excluded.seats`,
          rank: sql`excluded.rank`,
        },
      });
  }
}
