import { sql } from 'drizzle-orm';
import type { TestApp } from './app.ts';

/**
 * Lifts one quota from every plan of a test app's database, for suites whose subject is not that quota
 * (a suite that invites many people is not testing seats). A quota a plan lacks is unlimited.
 */
export async function liftQuota(t: TestApp, metric: string) {
  await t.platform.db.execute(sql`update plans set quotas = quotas - ${metric}::text`);
  t.platform.authCache.clear();
}
