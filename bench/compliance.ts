import { performance } from 'node:perf_hooks';
import { createAiClient, silentLogger } from '@assay/core';
import PDFDocument from 'pdfkit';
import { runAssessment } from '../packages/compliance/src/assessments/run.ts';
import { extractDocument } from '../packages/compliance/src/extract/index.ts';
import { builtinFramework } from '../packages/compliance/src/frameworks/registry.ts';
import { assessWithLlm } from '../packages/compliance/src/llm/engine.ts';
import { SAMPLE_POLICY } from '../packages/compliance/test/api/helpers.ts';
import { simulatedAuditor } from '../packages/compliance/test/llm/simulated-model.ts';
import { startFakeProviders } from '../packages/core/test/ai/fake-providers.ts';
import { createTestDatabase } from '../test/support/db.ts';

/**
 * Seed 002's critical path: a 50-page PDF assessed against SOC 2 + GDPR, with the baseline engine and
 * with an LLM simulated on loopback at a fixed delay per call. Prints wall times and, for the LLM, the
 * ratio to the ideal time the provider's concurrency limit allows (goal <= 1.15).
 */
const PAGES = Number(process.env.BENCH_PAGES ?? 50);
const CALL_MS = Number(process.env.BENCH_CALL_MS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function fiftyPagePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const paragraphs = SAMPLE_POLICY.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  for (let page = 0; page < PAGES; page++) {
    if (page > 0) doc.addPage();
    doc.fontSize(14).text(`Section ${page + 1}: operating procedures`);
    doc.fontSize(10);
    for (let i = 0; i < 14; i++)
      doc.text(`${paragraphs[(page + i) % paragraphs.length]} This applies to business unit ${page + 1}.`, {
        paragraphGap: 6,
      });
  }
  doc.end();
  return done;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const frameworks = [builtinFramework('soc2')!, builtinFramework('gdpr')!];

const pdf = await fiftyPagePdf();
let start = performance.now();
const doc = await extractDocument(pdf);
const extractMs = performance.now() - start;
start = performance.now();
const baseline = await runAssessment(doc, frameworks, { engine: 'baseline' });
const baselineMs = performance.now() - start;

const fake = await startFakeProviders();
fake.on('auditor', (request) => ({ ...simulatedAuditor()(request), delayMs: CALL_MS }));
const database = await createTestDatabase({ embedded: true });
const ai = createAiClient({
  config: {
    ...fake.config(),
    defaultModel: 'ollama:auditor',
    concurrency: CONCURRENCY,
    timeoutMs: CALL_MS * 5,
  },
  db: database.db,
  logger: silentLogger(),
});
start = performance.now();
const llm = await runAssessment(doc, frameworks, {
  engine: 'llm',
  llm: (framework, index) =>
    assessWithLlm({ ai, orgId: '00000000-0000-4000-8000-000000000001' }, doc, index, framework),
});
const llmMs = performance.now() - start;
const calls = fake.requestsFor('auditor').length;
const idealMs = Math.ceil(calls / CONCURRENCY) * CALL_MS;
await fake.close();
await database.drop();

console.log(
  `document: ${PAGES}-page PDF, ${pdf.length} bytes, ${doc.text.length} characters, ${doc.blocks.length} blocks`,
);
console.log(`controls: ${frameworks.map((f) => `${f.id} ${f.controls.length}`).join(', ')}`);
console.log(`extraction:             ${seconds(extractMs)}`);
console.log(`baseline assessment:    ${seconds(baselineMs)}  (${baseline.findings.length} findings)`);
console.log(
  `llm assessment:         ${seconds(llmMs)}  (${calls} calls of ${CALL_MS} ms, concurrency ${CONCURRENCY})`,
);
console.log(`llm ideal:              ${seconds(idealMs)}`);
console.log(`llm / ideal:            ${(llmMs / idealMs).toFixed(3)}  (goal <= 1.15)`);
console.log(`click to results (llm): ${seconds(extractMs + llmMs)}  (seed 002 target < 120 s)`);
console.log(
  `llm findings by method: ${JSON.stringify(
    Object.groupBy(llm.findings, (f) => f.method),
    (_k, v) => (Array.isArray(v) ? v.length : v),
  )}`,
);
