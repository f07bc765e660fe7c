// Times the baseline engine on a ~25,000-word document (about 50 pages) against SOC 2 and GDPR, and
// prints the ratio to building the document index in the same run. Not a test: times vary by machine.
// Usage: npm exec -- node packages/compliance/eval/speed.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessBaseline } from '../src/engine/baseline.ts';
import { buildDocumentIndex } from '../src/engine/document-index.ts';
import { requireBuiltinFramework } from '../src/frameworks/registry.ts';
import { markdownToDocument } from './markdown.ts';

const TARGET_WORDS = 25_000;
const RUNS = 5;

const dir = join(import.meta.dirname, 'documents');
const sources = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8'));
const sections: string[] = [];
for (let words = 0, i = 0; words < TARGET_WORDS; i++) {
  const section = `# Part ${i + 1}\n\n${sources[i % sources.length]}`;
  sections.push(section);
  words += section.split(/\s+/).length;
}
const doc = markdownToDocument(sections.join('\n\n'));
const controls = [...requireBuiltinFramework('soc2').controls, ...requireBuiltinFramework('gdpr').controls];

const median = (run: () => void) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
};

const indexMs = median(() => buildDocumentIndex(doc));
const assessMs = median(() => assessBaseline(doc, controls));
const words = doc.text.split(/\s+/).length;
console.log(`${words} words, ${doc.blocks.length} blocks, ${controls.length} controls (SOC 2 + GDPR)`);
console.log(`index only:      ${indexMs.toFixed(0)} ms (median of ${RUNS})`);
console.log(
  `full assessment: ${assessMs.toFixed(0)} ms (median of ${RUNS}), ${(assessMs / indexMs).toFixed(1)}x the index`,
);
