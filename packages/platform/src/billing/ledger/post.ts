import { CURRENCIES, type Currency, type Db, ledgerEntries, ledgerTransactions } from '@assay/db';

export interface LedgerLine {
  account: string;
  currency: Currency;
  /** Integer minor units; positive debits, negative credits. */
  amount: number;
}

export interface LedgerPosting {
  orgId: string;
  /** Unique per business event (`razorpay:capture:pay_X`): posting it again books nothing. */
  reference: string;
  kind: 'payment' | 'refund' | 'adjustment';
  paymentId?: string | null;
  description: string;
  occurredAt: Date;
  lines: LedgerLine[];
}

/** Throws unless the lines form a balanced double entry: integers, non-zero, zero sum per currency. */
export function assertBalanced(lines: LedgerLine[]): void {
  if (lines.length < 2) throw new Error('a ledger transaction needs at least two entries');
  const sums = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0)
      throw new Error(`ledger amount must be a non-zero integer (got ${line.amount})`);
    if (!CURRENCIES.includes(line.currency)) throw new Error(`unsupported currency ${line.currency}`);
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + line.amount);
  }
  for (const [currency, sum] of sums)
    if (sum !== 0) throw new Error(`ledger transaction does not balance in ${currency} (${sum})`);
}

/**
 * Books a transaction in the caller's database transaction. Returns its id, or null when the
 * reference was booked before (a concurrent poster waits on the unique index, then gets null).
 */
export async function postLedger(tx: Db, posting: LedgerPosting): Promise<string | null> {
  assertBalanced(posting.lines);
  const [row] = await tx
    .insert(ledgerTransactions)
    .values({
      orgId: posting.orgId,
      reference: posting.reference,
      kind: posting.kind,
      paymentId: posting.paymentId ?? null,
      description: posting.description,
      occurredAt: posting.occurredAt,
    })
    .onConflictDoNothing({ target: ledgerTransactions.reference })
    .returning({ id: ledgerTransactions.id });
  if (!row) return null;
  await tx.insert(ledgerEntries).values(
    posting.lines.map((line) => ({
      transactionId: row.id,
      orgId: posting.orgId,
      account: line.account,
      currency: line.currency,
      amount: line.amount,
    })),
  );
  return row.id;
}
