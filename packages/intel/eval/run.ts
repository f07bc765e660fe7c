import { existsSync, readFileSync } from 'node:fs';
import { parseAttackBundle } from '../src/attack/stix.ts';
import { type CorpusDocument, loadCorpus } from './corpus.ts';
import { assay, type Engine, iocExtractor } from './engines.ts';
import { type Evaluation, evaluate } from './evaluate.ts';
import { nameScores, warningQuality } from './extras.ts';
import { type Counts, prf, total } from './score.ts';

/**
 * Indicator extraction quality on the hand-labelled corpus: precision, recall and F1 per type for
 * our engine and for the ioc-extractor package, on development and held-out documents separately.
 * Flags: --dev (development documents only, for tuning), --mistakes (list false positives and misses).
 */
const args = new Set(process.argv.slice(2));
const ATTACK_FILE =
  process.env.ATTACK_BUNDLE ??
  new URL('../../../../shared/data/attack/enterprise-attack.json', import.meta.url).pathname;

const pct = (x: number) => x.toFixed(3);
const cell = (c: Counts | undefined) => {
  if (!c) return 'n/a';
  const { precision, recall, f1 } = prf(c);
  return `${pct(precision)} ${pct(recall)} ${pct(f1)} (${c.tp}/${c.fp}/${c.fn})`;
};

function printTable(title: string, results: Evaluation[]): void {
  const [ours, theirs] = results;
  const rows: string[][] = [
    ['type', `${ours.engine} P R F1 (tp/fp/fn)`, `${theirs.engine} P R F1 (tp/fp/fn)`],
  ];
  for (const type of ours.types)
    rows.push([
      type,
      cell(ours.counts[type]),
      theirs.types.includes(type) ? cell(theirs.counts[type]) : 'n/a',
    ]);
  rows.push(['ALL (all our types)', cell(total(ours.counts)), 'n/a']);
  rows.push([
    `ALL (${theirs.engine} types)`,
    cell(total(ours.counts, theirs.types)),
    cell(total(theirs.counts)),
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const [n, r] of rows.entries()) {
    console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function section(title: string, docs: CorpusDocument[], engines: Engine[]): Evaluation[] {
  const results = engines.map((e) => evaluate(e, docs));
  printTable(`${title} (${docs.length} documents)`, results);
  if (args.has('--mistakes')) {
    for (const r of results) {
      for (const m of r.mistakes) {
        if (m.falsePositives.length + m.misses.length === 0) continue;
        console.log(`  [${r.engine}] ${m.doc}`);
        for (const k of m.falsePositives) console.log(`      FP ${k}`);
        for (const k of m.misses) console.log(`      FN ${k}`);
      }
    }
  }
  return results;
}

const corpus = loadCorpus();
const dev = corpus.filter((d) => !d.gold.heldOut);
const heldOut = corpus.filter((d) => d.gold.heldOut);
const engines = [assay, iocExtractor];
section('Development documents', dev, engines);
if (!args.has('--dev')) {
  section('Held-out documents', heldOut, engines);
  section('All documents', corpus, engines);
}

const scope = args.has('--dev') ? dev : corpus;
const w = warningQuality(scope);
console.log(
  `\nWarnings (assay): ${w.benignFlagged}/${w.benignSeen} benign labels extracted carry a warning; ` +
    `${w.trueFlagged}/${w.trueSeen} true indicators carry one anyway.`,
);
if (existsSync(ATTACK_FILE)) {
  const names = nameScores(scope, parseAttackBundle(readFileSync(ATTACK_FILE, 'utf8')));
  console.log(`ATT&CK names (assay): actors ${cell(names.actors)}; software ${cell(names.software)}`);
  if (names.unresolved.length)
    console.log(`  labels not in the catalog (not scored): ${names.unresolved.join(', ')}`);
} else console.log(`ATT&CK names: skipped, ${ATTACK_FILE} not found (set ATTACK_BUNDLE)`);
