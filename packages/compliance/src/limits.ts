import { AppError } from '@assay/core';
import { type Db, organizations, plans } from '@assay/db';
import { eq } from 'drizzle-orm';

/** The organization's plan: its quotas (document size, assessments per month) and retention. */
export async function planOf(db: Db, orgId: string) {
  const [row] = await db
    .select({ quotas: plans.quotas, retentionDays: plans.retentionDays })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, organizations.planId))
    .where(eq(organizations.id, orgId));
  if (!row) throw new AppError('NOT_FOUND', 'Organization not found');
  return row;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
