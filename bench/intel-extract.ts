/**
 * Indicator extraction throughput: a few MB of report text built from the intel evaluation corpus
 * (paragraphs shuffled, addresses, hashes and names varied per copy), cut into report-sized chunks
 * and run through our engine and through the `ioc-extractor` package (refang on) in the same run.
 * Prints MB/s, the ratio (goal >= 1x ioc-extractor) and the ATT&CK bundle import time.
 * BENCH_MB (default 4), BENCH_CHUNK_KB (default 32), BENCH_RUNS (default 3), ATTACK_BUNDLE (path).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractIOC } from 'ioc-extractor';
import { loadCorpus } from '../packages/intel/eval/corpus.ts';
import { parseAttackBundle } from '../packages/intel/src/attack/stix.ts';
import { extractIndicators, extractReport } from '../packages/intel/src/engine/index.ts';
import { envInt, ratioLine, table } from './format.ts';

const MB = envInt('BENCH_MB', 4);
const CHUNK = envInt('BENCH_CHUNK_KB', 32) * 1024;
const RUNS = envInt('BENCH_RUNS', 3);
const ATTACK_FILE =
  process.env.ATTACK_BUNDLE ??
  new URL('../../shared/data/attack/enterprise-attack.json', import.meta.url).pathname;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
/** A copy of a paragraph with its hex digits rotated, its address octets shifted and its labels renamed. */
function vary(paragraph: string, k: number): string {
  return paragraph
    .replace(/\b[0-9a-f]{32,128}\b/gi, (h) =>
      [...h.toLowerCase()].map((c) => HEX[(HEX.indexOf(c) + k) % 16]).join(''),
    )
    .replace(
      /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\[?\.\]?)(\d{1,3})\b/g,
      (_m, a, b, c, dot, d) => `${a}.${b}.${c}${dot}${(Number(d) + k) % 256}`,
    )
    .replace(/\b([a-z]{4,})-([a-z]{3,})\b/g, (_m, a, b) => `${a}${k % 97}-${b}`);
}

function buildText(bytes: number): string {
  const paragraphs = loadCorpus().flatMap((d) => d.text.split(/\n\s*\n/));
  const next = random(42);
  const parts: string[] = [];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    const p = vary(paragraphs[Math.floor(next() * paragraphs.length)], k);
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + CHUNK);
    const cut = text.indexOf('\n\n', end);
    end = cut < 0 ? text.length : cut;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Median wall time over RUNS runs of `fn` on every chunk, and what the last run found. */
function measure(docs: string[], fn: (text: string) => number): { ms: number; found: number } {
  const times: number[] = [];
  let found = 0;
  fn(docs[0]);
  for (let r = 0; r < RUNS; r++) {
    found = 0;
    const start = performance.now();
    for (const d of docs) found += fn(d);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], found };
}

const text = buildText(MB * 1024 * 1024);
const docs = chunks(text);
const megabytes = Buffer.byteLength(text) / 1024 / 1024;
const ours = measure(docs, (d) => extractIndicators(d).length);
const theirs = measure(docs, (d) => {
  const ioc = extractIOC(d, { refang: true }) as unknown as Record<string, string[]>;
  return Object.values(ioc).reduce((n, list) => n + list.length, 0);
});
const speed = (ms: number) => megabytes / (ms / 1000);

console.log(
  `text: ${megabytes.toFixed(2)} MB in ${docs.length} reports of ~${CHUNK / 1024} KB; median of ${RUNS} runs`,
);
console.log(
  table([
    ['engine', 'time', 'MB/s', 'found'],
    ['assay extractIndicators', `${ours.ms.toFixed(0)} ms`, speed(ours.ms).toFixed(2), String(ours.found)],
    [
      'ioc-extractor (refang)',
      `${theirs.ms.toFixed(0)} ms`,
      speed(theirs.ms).toFixed(2),
      String(theirs.found),
    ],
  ]),
);
console.log(ratioLine('assay / ioc-extractor speed', theirs.ms / ours.ms, 1));
console.log('(found counts differ by design: ours counts every occurrence, ioc-extractor distinct values)');

if (existsSync(ATTACK_FILE)) {
  const raw = readFileSync(ATTACK_FILE, 'utf8');
  let start = performance.now();
  JSON.parse(raw);
  const jsonMs = performance.now() - start;
  start = performance.now();
  const catalog = parseAttackBundle(raw);
  const parseMs = performance.now() - start;
  console.log(
    `\nATT&CK bundle: ${(raw.length / 1024 / 1024).toFixed(1)} MB, parseAttackBundle ${parseMs.toFixed(0)} ms ` +
      `(JSON.parse alone ${jsonMs.toFixed(0)} ms); ${catalog.techniques.length} techniques, ${catalog.groups.length} groups, ${catalog.software.length} software`,
  );
  start = performance.now();
  extractReport('warm-up APT28', { catalog });
  const warmMs = performance.now() - start;
  const report = measure(docs, (d) => {
    const r = extractReport(d, { catalog });
    return r.indicators.length + r.actors.length + r.software.length + r.techniques.length;
  });
  console.log(
    `extractReport with names (first call builds the name index: ${warmMs.toFixed(0)} ms): ` +
      `${speed(report.ms).toFixed(2)} MB/s`,
  );
} else console.log(`\nATT&CK bundle: skipped, ${ATTACK_FILE} not found (set ATTACK_BUNDLE)`);
