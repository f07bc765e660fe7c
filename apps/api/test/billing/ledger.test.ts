import { spawnSync } from 'node:child_process';
import { ledgerEntries, ledgerTransactions, payments } from '@assay/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBalanced, postLedger } from '../../../../packages/platform/src/billing/ledger/post.ts';
import { verifyLedger } from '../../../../packages/platform/src/billing/ledger/verify.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

function assayBillingVerify() {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: t.platform.config.dataDir };
  if (t.database.url) env.DATABASE_URL = t.database.url;
  const result = spawnSync(process.execPath, ['apps/cli/bin/assay.js', 'billing', 'verify', '--json'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    code: result.status,
    report: result.stdout ? JSON.parse(result.stdout) : null,
    err: result.stderr,
  };
}

describe('the ledger', () => {
  it('accepts only balanced integer entries', () => {
    const line = (amount: number, currency: 'INR' | 'USD' = 'INR') => ({ account: 'a', currency, amount });
    expect(() => assertBalanced([line(100), line(-100)])).not.toThrow();
    expect(() => assertBalanced([line(100), line(-99)])).toThrow(/does not balance/);
    expect(() => assertBalanced([line(100), line(-100, 'USD')])).toThrow(/does not balance/);
    expect(() => assertBalanced([line(10.5), line(-10.5)])).toThrow(/integer/);
    expect(() => assertBalanced([line(0), line(0)])).toThrow(/non-zero/);
    expect(() => assertBalanced([line(100)])).toThrow(/two entries/);
  });

  it('books a reference once, even when posted twice at the same time', async () => {
    const owner = await signUp(t.url, 'ledger');
    const posting = {
      orgId: owner.orgId,
      reference: `test:adjust:${owner.orgId}`,
      kind: 'adjustment' as const,
      description: 'goodwill credit',
      occurredAt: new Date(),
      lines: [
        { account: 'expense:goodwill', currency: 'USD' as const, amount: 500 },
        { account: 'revenue:subscriptions', currency: 'USD' as const, amount: -500 },
      ],
    };
    const results = await Promise.all([
      t.platform.db.transaction((tx) => postLedger(tx, posting)),
      t.platform.db.transaction((tx) => postLedger(tx, posting)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const report = await verifyLedger(t.platform.db);
    expect(report).toMatchObject({ ok: true, imbalance: { USD: 0 } });
  });

  it('`assay billing verify` passes a consistent ledger and exits 1 naming what is wrong', async () => {
    if (!t.database.url) return; // the CLI runs in another process: it needs a server database
    const clean = assayBillingVerify();
    expect(clean.code).toBe(0);
    expect(clean.report.ok).toBe(true);

    // Corrupt it the ways the check must catch: an entry that unbalances a transaction, and a
    // captured payment booked twice.
    const owner = await signUp(t.url, 'ledger-corrupt');
    const db = t.platform.db;
    const [payment] = await db
      .insert(payments)
      .values({
        orgId: owner.orgId,
        provider: 'razorpay',
        planId: 'pro',
        amount: 1000,
        currency: 'INR',
        status: 'captured',
      })
      .returning();
    for (const n of [1, 2]) {
      const [tx] = await db
        .insert(ledgerTransactions)
        .values({
          orgId: owner.orgId,
          reference: `corrupt:${n}`,
          kind: 'payment',
          paymentId: payment.id,
          description: 'x',
          occurredAt: new Date(),
        })
        .returning();
      await db.insert(ledgerEntries).values([
        { transactionId: tx.id, orgId: owner.orgId, account: 'cash:razorpay', currency: 'INR', amount: 1000 },
        {
          transactionId: tx.id,
          orgId: owner.orgId,
          account: 'revenue:subscriptions',
          currency: 'INR',
          amount: n === 1 ? -1000 : -900,
        },
      ]);
    }
    const broken = assayBillingVerify();
    expect(broken.code).toBe(1);
    const checks = broken.report.problems.map((p: { check: string }) => p.check);
    expect(checks).toEqual(
      expect.arrayContaining([
        'unbalanced_transaction',
        'payment_booked_twice',
        'revenue_differs_from_payment',
        'currency_imbalance',
      ]),
    );
    // Only a superuser session that turns triggers off can take the corruption back out.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from ledger_entries where org_id = ${owner.orgId}`);
      await tx.execute(sql`delete from ledger_transactions where org_id = ${owner.orgId}`);
    });
    await db.execute(sql`delete from payments where org_id = ${owner.orgId}`);
  }, 120_000); // two CLI processes boot here

  it('refuses updates and deletes of booked rows in the database itself', async () => {
    const owner = await signUp(t.url, 'ledger-append-only');
    const db = t.platform.db;
    await db.transaction((tx) =>
      postLedger(tx, {
        orgId: owner.orgId,
        reference: `append-only:${owner.orgId}`,
        kind: 'adjustment',
        description: 'opening balance',
        occurredAt: new Date(),
        lines: [
          { account: 'cash:razorpay', currency: 'INR', amount: 500 },
          { account: 'revenue:subscriptions', currency: 'INR', amount: -500 },
        ],
      }),
    );
    for (const statement of [
      sql`update ledger_entries set amount = amount * 2 where org_id = ${owner.orgId}`,
      sql`delete from ledger_entries where org_id = ${owner.orgId}`,
      sql`update ledger_transactions set description = 'edited' where org_id = ${owner.orgId}`,
      sql`delete from ledger_transactions where org_id = ${owner.orgId}`,
    ]) {
      const error = await db.execute(statement).then(
        () => null,
        (e) => e,
      );
      expect(String(error?.cause?.message ?? error)).toMatch(/ledger rows are append-only/);
    }
    const rows = await db.select().from(ledgerEntries).where(eq(ledgerEntries.orgId, owner.orgId));
    expect(rows.map((r) => r.amount).sort()).toEqual([-500, 500]);
  });
});
