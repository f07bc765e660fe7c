import { billingEvents, ledgerEntries, ledgerTransactions, payments } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../../../../test/support/app.ts';

/** What the database holds for an organization's billing, for before/after comparisons. */
export async function billingState(t: TestApp, orgId: string) {
  const db = t.platform.db;
  const count = async (table: any) =>
    Number(
      (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.orgId, orgId)))[0].n,
    );
  return {
    transactions: await count(ledgerTransactions),
    entries: await count(ledgerEntries),
    events: await count(billingEvents),
    payments: await db.select().from(payments).where(eq(payments.orgId, orgId)),
  };
}
