import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AiHarness, newOrg, startAiHarness } from '../../../core/test/ai/harness.ts';
import { runAssessment } from '../../src/assessments/run.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { builtinFramework } from '../../src/frameworks/registry.ts';
import { assessWithLlm } from '../../src/llm/engine.ts';
import { SAMPLE_POLICY } from '../api/helpers.ts';
import { simulatedAuditor } from './simulated-model.ts';

const MODEL = 'ollama:auditor';
let h: AiHarness;
beforeAll(async () => {
  h = await startAiHarness();
});
afterAll(async () => h?.close());

async function assess(orgId: string, frameworkId: string) {
  const ai = h.client({ defaultModel: MODEL });
  const doc = await extractDocument(Buffer.from(SAMPLE_POLICY));
  const framework = builtinFramework(frameworkId)!;
  return runAssessment(doc, [framework], {
    engine: 'llm',
    llm: (f, index) => assessWithLlm({ ai, orgId }, doc, index, f),
  });
}

describe('LLM engine over a real AI client and a loopback provider', () => {
  it('sends controls in batches with numbered passages, keeps verified quotes, and records cost', async () => {
    h.fake.on('auditor', simulatedAuditor());
    const orgId = newOrg();
    const { findings, summary } = await assess(orgId, 'soc2');
    const soc2 = builtinFramework('soc2')!;
    expect(findings).toHaveLength(soc2.controls.length);
    expect(findings.every((f) => f.method === 'llm')).toBe(true);
    const requests = h.fake.requestsFor('auditor');
    expect(requests.length).toBe(Math.ceil(soc2.controls.length / 5));
    expect(requests[0].prompt).toMatch(/^\[1\] /m);
    for (const f of findings) for (const e of f.evidence) expect(SAMPLE_POLICY).toContain(e.quote);
    expect(findings.some((f) => f.status === 'met')).toBe(true);
    expect(summary.overall.total).toBe(soc2.controls.length);
    const usage = await h.usageRows(orgId);
    expect(usage).toHaveLength(requests.length);
    expect(
      usage.every((u) => u.module === 'compliance' && u.inputTokens === 1200 && u.outcome === 'ok'),
    ).toBe(true);
  });

  it('downgrades a "met" whose quote is not in the document, and fills unanswered controls from the baseline', async () => {
    h.fake.on('auditor', simulatedAuditor({ hallucinate: ['CC6.1'], skip: ['CC6.2'] }));
    const { findings } = await assess(newOrg(), 'soc2');
    const cc61 = findings.find((f) => f.control_id === 'CC6.1')!;
    expect(cc61.status).not.toBe('met');
    expect(cc61.evidence.every((e) => SAMPLE_POLICY.includes(e.quote))).toBe(true);
    const cc62 = findings.find((f) => f.control_id === 'CC6.2')!;
    expect(cc62.method).toBe('baseline');
    expect(cc62.rationale).toMatch(/no answer/);
  });

  it('falls back to the baseline, labelled, when the provider keeps failing', async () => {
    h.fake.on('auditor', [{ status: 503, message: 'overloaded' }]);
    const { findings } = await assess(newOrg(), 'gdpr');
    expect(findings.length).toBeGreaterThan(10);
    expect(findings.every((f) => f.method === 'baseline')).toBe(true);
    expect(findings[0].rationale).toMatch(/unavailable/);
  });
});
