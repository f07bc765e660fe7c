import type { Db } from '@assay/db';
import { type SQL, sql } from 'drizzle-orm';

export interface LedgerProblem {
  check: string;
  detail: Record<string, unknown>;
}

export interface LedgerReport {
  ok: boolean;
  transactions: number;
  entries: number;
  /** Per currency, the sum of every entry: zero in a consistent ledger. */
  imbalance: Record<string, number>;
  problems: LedgerProblem[];
}

const rows = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Each check names what it finds; an empty result is a pass. */
const CHECKS: Record<string, SQL> = {
  unbalanced_transaction: sql`select transaction_id::text as id, currency, sum(amount)::text as sum
    from ledger_entries group by transaction_id, currency having sum(amount) <> 0`,
  too_few_entries: sql`select t.id::text as id, count(e.id)::int as entries from ledger_transactions t
    left join ledger_entries e on e.transaction_id = t.id group by t.id having count(e.id) < 2`,
  entry_org_mismatch: sql`select e.id::text as id from ledger_entries e
    join ledger_transactions t on t.id = e.transaction_id where e.org_id <> t.org_id`,
  payment_booked_twice: sql`select payment_id::text as id, count(*)::int as times from ledger_transactions
    where kind = 'payment' group by payment_id having count(*) > 1`,
  captured_not_booked: sql`select p.id::text as id, p.amount::text as amount from payments p
    where p.status in ('captured', 'refunded', 'partially_refunded') and p.amount > 0
      and not exists (select 1 from ledger_transactions t where t.payment_id = p.id and t.kind = 'payment')`,
  booked_not_captured: sql`select t.id::text as id, p.status from ledger_transactions t
    join payments p on p.id = t.payment_id
    where t.kind = 'payment' and p.status not in ('captured', 'refunded', 'partially_refunded')`,
  revenue_differs_from_payment: sql`select p.id::text as id, p.amount::text as amount,
      (-coalesce(sum(e.amount), 0))::text as booked
    from payments p join ledger_transactions t on t.payment_id = p.id and t.kind = 'payment'
    join ledger_entries e on e.transaction_id = t.id and e.account = 'revenue:subscriptions'
    group by p.id, p.amount having -coalesce(sum(e.amount), 0) <> p.amount`,
  refunds_differ_from_payment: sql`select p.id::text as id, p.amount_refunded::text as refunded,
      coalesce(r.booked, 0)::text as booked
    from payments p left join (
      select t.payment_id, sum(e.amount) as booked from ledger_transactions t
      join ledger_entries e on e.transaction_id = t.id and e.account = 'revenue:refunds'
      where t.kind = 'refund' group by t.payment_id) r on r.payment_id = p.id
    where p.amount_refunded <> coalesce(r.booked, 0)`,
};

/** Checks the whole ledger: double entry holds, and every captured payment is booked exactly once. */
export async function verifyLedger(db: Db): Promise<LedgerReport> {
  const problems: LedgerProblem[] = [];
  for (const [check, query] of Object.entries(CHECKS)) {
    for (const detail of await rows<Record<string, unknown>>(db, query)) problems.push({ check, detail });
  }
  const [counts] = await rows<{ transactions: number; entries: number }>(
    db,
    sql`select (select count(*) from ledger_transactions)::int as transactions,
               (select count(*) from ledger_entries)::int as entries`,
  );
  const sums = await rows<{ currency: string; sum: string }>(
    db,
    sql`select currency, sum(amount)::text as sum from ledger_entries group by currency order by currency`,
  );
  const imbalance = Object.fromEntries(sums.map((s) => [s.currency, Number(s.sum)]));
  for (const [currency, sum] of Object.entries(imbalance))
    if (sum !== 0) problems.push({ check: 'currency_imbalance', detail: { currency, sum } });
  return { ok: problems.length === 0, ...counts, imbalance, problems };
}
