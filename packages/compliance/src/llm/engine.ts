import { type AiClient, AiUnavailableError, chunksOf } from '@assay/core';
import type { ExtractedDocument } from '../document.ts';
import { assessBaseline } from '../engine/baseline.ts';
import { candidatePassages } from '../engine/candidates.ts';
import type { DocumentIndex } from '../engine/document-index.ts';
import type { Passage } from '../engine/passages.ts';
import type { Evidence, Finding } from '../engine/types.ts';
import type { Control, Framework } from '../frameworks/types.ts';
import { buildPrompt, type LlmFindings, llmFindingsSchema, SYSTEM_PROMPT } from './prompt.ts';

const CONTROLS_PER_CALL = 5;
const MAX_PASSAGES_PER_CALL = 30;

export interface LlmRun {
  ai: AiClient;
  orgId: string;
  jobId?: string;
  model?: string;
  signal?: AbortSignal;
  onBatchDone?: (done: number, total: number) => Promise<void> | void;
}

/** Keeps only evidence that cites a passage shown to the model and quotes it exactly. */
function toEvidence(cited: LlmFindings['findings'][number]['evidence'], passages: Passage[]): Evidence[] {
  const out: Evidence[] = [];
  for (const item of cited) {
    const passage = passages[item.passage - 1];
    const quote = item.quote.trim();
    if (!passage || quote.length === 0 || !passage.text.includes(quote)) continue;
    out.push({ quote, location: passage.location });
  }
  return out;
}

/** A claim of coverage stands only on quotes found in the document; unfound quotes lower it. */
function checkedStatus(
  claimed: Finding['status'],
  cited: number,
  kept: number,
): { status: Finding['status']; note?: string } {
  if ((claimed === 'met' || claimed === 'partial') && kept === 0) {
    return {
      status: 'missing',
      note: 'The model claimed coverage but none of its quotes appear in the document.',
    };
  }
  if (claimed === 'met' && kept < cited)
    return { status: 'partial', note: "Some of the model's quotes do not appear in the document." };
  return { status: claimed };
}

async function assessBatch(
  run: LlmRun,
  doc: ExtractedDocument,
  index: DocumentIndex,
  controls: Control[],
): Promise<Finding[]> {
  const byId = new Map<number, Passage>();
  for (const control of controls) for (const p of candidatePassages(index, control)) byId.set(p.id, p);
  const passages = [...byId.values()].sort((a, b) => a.start - b.start).slice(0, MAX_PASSAGES_PER_CALL);
  const fallback = (reason: string) =>
    assessBaseline(doc, controls, { index }).map((f) => ({
      ...f,
      rationale: `${reason} ${f.rationale ?? ''}`.trim(),
    }));
  let answer: LlmFindings;
  try {
    ({ object: answer } = await run.ai.generateObject({
      orgId: run.orgId,
      jobId: run.jobId,
      module: 'compliance',
      model: run.model,
      schema: llmFindingsSchema,
      schemaName: 'compliance_findings',
      system: SYSTEM_PROMPT,
      prompt: buildPrompt(controls, passages),
      signal: run.signal,
    }));
  } catch (error) {
    if (error instanceof AiUnavailableError)
      return fallback(`The language model was unavailable (${error.reason}); rule-based result.`);
    throw error;
  }
  const answered = new Map(answer.findings.map((f) => [f.control_id, f]));
  return controls.map((control) => {
    const found = answered.get(control.id);
    if (!found)
      return fallback('The language model gave no answer for this control; rule-based result.').find(
        (f) => f.control_id === control.id,
      )!;
    const evidence = toEvidence(found.evidence, passages);
    const { status, note } = checkedStatus(found.status, found.evidence.length, evidence.length);
    return {
      framework: control.framework,
      control_id: control.id,
      status,
      confidence: note ? Math.min(found.confidence, 0.5) : found.confidence,
      evidence,
      gaps: found.gaps,
      recommendations: found.recommendations,
      severity: control.severity,
      method: 'llm',
      rationale: [found.rationale, note].filter(Boolean).join(' ') || undefined,
    } satisfies Finding;
  });
}

/**
 * The LLM engine: controls go to the model in small batches with the passages retrieved for them,
 * numbered so every quote can be traced and checked. Batches run in parallel (the AI client caps
 * concurrency per provider). A batch the model cannot answer falls back to the baseline engine and
 * says so in its method and rationale.
 */
export async function assessWithLlm(
  run: LlmRun,
  doc: ExtractedDocument,
  index: DocumentIndex,
  framework: Framework,
): Promise<Finding[]> {
  const groups = chunksOf(framework.controls, CONTROLS_PER_CALL);
  let done = 0;
  const results = await Promise.all(
    groups.map(async (controls) => {
      const findings = await assessBatch(run, doc, index, controls);
      await run.onBatchDone?.(++done, groups.length);
      return findings;
    }),
  );
  return results.flat();
}
