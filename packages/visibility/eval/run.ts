// Prints mention precision/recall/F1 and exact-rank accuracy of the baseline extractor on the
// labelled answers, development and held-out sets apart. Run: npm exec -- node packages/visibility/eval/run.ts
import { evaluate, type Scores } from './evaluate.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function line(name: string, s: Scores): string {
  return [
    name.padEnd(8),
    `answers ${String(s.answers).padStart(3)}`,
    `mentions P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    `rank accuracy ${pct(s.rankAccuracy)} (${s.rankCorrect}/${s.ranked})`,
  ].join('  ');
}

const report = evaluate();
console.log(line('dev', report.dev));
console.log(line('holdout', report.holdout));
console.log(line('all', report.all));
const failing = report.cases.filter((c) => c.errors.length);
if (failing.length) {
  console.log('\nDisagreements with the labels:');
  for (const c of failing) console.log(`  [${c.split}] ${c.id}\n    ${c.errors.join('\n    ')}`);
}
