import { type Db, memberships } from '@assay/db';
import { and, eq, inArray } from 'drizzle-orm';

/** Owners and admins of an organization: who hears about quotas and disabled webhooks. */
export async function adminIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ['owner', 'admin'])));
  return rows.map((r) => r.userId);
}
