import { recordAudit, type ServiceContext } from '@assay/core';
import { type Db, notificationPreferences } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import type { PreferenceKey } from './kinds.ts';

export type Preferences = Record<PreferenceKey, boolean>;

export const DEFAULT_PREFERENCES: Preferences = {
  job_finished: true,
  job_failed: true,
  invitation: true,
  quota_nearly_reached: true,
};

type Row = typeof notificationPreferences.$inferSelect;
const toPreferences = (row: Row | undefined): Preferences =>
  row
    ? {
        job_finished: row.jobFinished,
        job_failed: row.jobFailed,
        invitation: row.invitation,
        quota_nearly_reached: row.quotaNearlyReached,
      }
    : { ...DEFAULT_PREFERENCES };

export async function preferencesOf(db: Db, orgId: string, userId: string): Promise<Preferences> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), eq(notificationPreferences.userId, userId)));
  return toPreferences(row);
}

/** Changes some of the signed-in member's preferences in this organization; the rest keep their value. */
export async function updatePreferences(ctx: ServiceContext, userId: string, input: Partial<Preferences>) {
  return ctx.db.transaction(async (tx) => {
    const before = await preferencesOf(tx, ctx.orgId, userId);
    const next = { ...before, ...input };
    const values = {
      jobFinished: next.job_finished,
      jobFailed: next.job_failed,
      invitation: next.invitation,
      quotaNearlyReached: next.quota_nearly_reached,
    };
    await tx
      .insert(notificationPreferences)
      .values({ orgId: ctx.orgId, userId, ...values })
      .onConflictDoUpdate({
        target: [notificationPreferences.orgId, notificationPreferences.userId],
        set: values,
      });
    await recordAudit(tx, ctx, {
      action: 'notification_preferences.update',
      targetType: 'user',
      targetId: userId,
      before,
      after: next,
    });
    return next;
  });
}
