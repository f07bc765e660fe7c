import { type Db, ledgerEntries } from '@assay/db';
import { eq, sql } from 'drizzle-orm';

export interface Balance {
  account: string;
  currency: string;
  balance: number;
}

/** Balances are never stored: they are the sum of an account's entries. */
export async function balances(db: Db, orgId?: string): Promise<Balance[]> {
  const rows = await db
    .select({
      account: ledgerEntries.account,
      currency: ledgerEntries.currency,
      balance: sql<string>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerEntries)
    .where(orgId ? eq(ledgerEntries.orgId, orgId) : undefined)
    .groupBy(ledgerEntries.account, ledgerEntries.currency)
    .orderBy(ledgerEntries.account, ledgerEntries.currency);
  return rows.map((r) => ({ account: r.account, currency: r.currency, balance: Number(r.balance) }));
}
