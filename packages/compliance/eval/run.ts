// Prints precision and recall per status for the baseline engine on the evaluation set.
// Usage: npm exec -- node packages/compliance/eval/run.ts [--mismatches]
import { evaluateBaseline, type Scores } from './evaluate.ts';
import { STATUSES } from './metrics.ts';

const report = evaluateBaseline();
const pct = (n: number | null) => (n === null ? '     -' : `${(n * 100).toFixed(1).padStart(5)}%`);

function print(name: string, scores: Scores) {
  console.log(`\n${name}: ${scores.count} labelled controls, accuracy ${pct(scores.accuracy)}`);
  console.log('  status          precision  recall   labels  predicted');
  for (const status of STATUSES) {
    const s = scores.byStatus[status];
    console.log(
      `  ${status.padEnd(16)}${pct(s.precision).padEnd(11)}${pct(s.recall).padEnd(9)}${String(s.support).padStart(6)}  ${String(s.predicted).padStart(9)}`,
    );
  }
}

console.log('Baseline engine on the evaluation set (packages/compliance/eval)');
print('all documents', report.all);
if (report.holdout.count > 0) {
  print('dev documents (used while writing the rules)', report.dev);
  print('held-out documents', report.holdout);
} else
  console.log(
    '\nAll documents have informed the rules; see eval/README.md for the first-run held-out figures.',
  );

if (process.argv.includes('--mismatches')) {
  console.log('\nmismatches (expected -> actual):');
  for (const c of report.comparisons.filter((c) => c.expected !== c.actual))
    console.log(`  [${c.split}] ${c.document} ${c.framework} ${c.controlId}: ${c.expected} -> ${c.actual}`);
}
