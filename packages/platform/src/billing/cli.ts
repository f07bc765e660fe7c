import type { Platform } from '@assay/core';
import type { Command } from 'commander';
import { balances } from './ledger/balances.ts';
import { verifyLedger } from './ledger/verify.ts';

/** `assay billing verify`: the ledger consistency check; exits 1 when anything is off. */
export function registerBillingCli(program: Command, platform: () => Promise<Platform>) {
  const billing = program.command('billing').description('Payments and the ledger');
  billing
    .command('verify')
    .description('Check the ledger: balanced double entry, every captured payment booked exactly once')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const p = await platform();
      const report = await verifyLedger(p.db);
      if (options.json) console.log(JSON.stringify({ ...report, balances: await balances(p.db) }, null, 2));
      else {
        console.log(`${report.transactions} transactions, ${report.entries} entries`);
        for (const [currency, sum] of Object.entries(report.imbalance))
          console.log(`${currency}: entries sum to ${sum}`);
        for (const problem of report.problems)
          console.log(`PROBLEM ${problem.check} ${JSON.stringify(problem.detail)}`);
        console.log(report.ok ? 'ledger OK' : `ledger has ${report.problems.length} problem(s)`);
      }
      if (!report.ok) process.exitCode = 1;
    });
}
