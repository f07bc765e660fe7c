/**
 * YARA scan throughput on the largest file the scan endpoint accepts (16 MiB), with a rule set of
 * BENCH_RULES rules of four literal strings each, next to a baseline measured in the same run: every
 * literal searched with Buffer.indexOf (all occurrences, one pass per string), the obvious way to look
 * for the same strings without a YARA engine. Also times compiling the set (done once per scan job).
 * BENCH_RUNS (default 5), BENCH_RULES (default 50), BENCH_MB (default 16).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { compileRules, validateRules } from '../packages/intel/src/yara/rules.ts';
import { envInt, ratioLine, table } from './format.ts';

const RUNS = envInt('BENCH_RUNS', 5);
const RULES = envInt('BENCH_RULES', 50);
const MB = envInt('BENCH_MB', 16);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const literals = Array.from({ length: RULES }, (_, r) =>
  Array.from({ length: 4 }, (_, s) => `marker_${r}_${s}_${randomBytes(3).toString('hex')}`),
);
const source = literals
  .map(
    (strings, r) =>
      `rule r${r} {\n  strings:\n${strings.map((s, i) => `    $s${i} = "${s}"`).join('\n')}\n  condition:\n    any of them\n}`,
  )
  .join('\n\n');

// Random bytes with one planted string per tenth rule, so both sides report real matches.
const data = randomBytes(MB * 1024 * 1024);
const planted = literals.filter((_, r) => r % 10 === 0).map((strings) => strings[0]);
for (const [i, s] of planted.entries())
  data.write(s, Math.floor(((i + 1) * data.length) / (planted.length + 2)));

function naive(buffer: Buffer) {
  const hits: { literal: string; offset: number }[] = [];
  for (const strings of literals)
    for (const literal of strings) {
      const needle = Buffer.from(literal);
      for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + 1))
        hits.push({ literal, offset: at });
    }
  return hits;
}

if (!validateRules(source).ok) throw new Error('the generated rules do not compile');
const compileMs = time(() => compileRules(source));
const compiled = compileRules(source);
const yaraMatches = compiled.scan(data).length;
const naiveHits = naive(data).length;
if (yaraMatches !== planted.length || naiveHits !== planted.length)
  throw new Error(`expected ${planted.length} matches, got yara ${yaraMatches}, naive ${naiveHits}`);
const yaraMs = time(() => compiled.scan(data));
const naiveMs = time(() => naive(data));
const mbps = (ms: number) => (MB / (ms / 1000)).toFixed(1);

console.log(`YARA scan of ${MB} MiB, ${RULES} rules x 4 literals, median of ${RUNS}\n`);
console.log(
  table([
    ['engine', 'ms', 'MB/s', 'matches'],
    ['YARA-X (compiled set)', yaraMs.toFixed(1), mbps(yaraMs), String(yaraMatches)],
    ['Buffer.indexOf per literal', naiveMs.toFixed(1), mbps(naiveMs), String(naiveHits)],
  ]),
);
console.log(`\ncompile: ${compileMs.toFixed(1)} ms`);
console.log(ratioLine('YARA-X / indexOf throughput', naiveMs / yaraMs, 1));
