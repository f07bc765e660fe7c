import { describeLocation, type ExtractedDocument } from '../document.ts';
import {
  assessBaseline,
  buildDocumentIndex,
  type DocumentIndex,
  type Finding,
  summarize,
  verifyEvidence,
} from '../engine/index.ts';
import type { Framework } from '../frameworks/types.ts';

export interface EngineRun {
  engine: 'baseline' | 'llm';
  signal?: AbortSignal;
  onProgress?: (fraction: number) => Promise<void> | void;
  /** Runs the LLM engine over one framework; absent, or for `baseline`, the baseline engine runs. */
  llm?: (framework: Framework, index: DocumentIndex) => Promise<Finding[]>;
}

/** A finding as stored and served: locations rendered for people, the control's title attached. */
export type StoredFinding = Omit<Finding, 'evidence'> & {
  title?: string;
  evidence: { quote: string; location: string }[];
};

/**
 * Runs an engine over a document for each framework, then checks every quote against the document
 * (a finding whose quote is not there word for word is downgraded) and summarizes.
 */
export async function runAssessment(doc: ExtractedDocument, frameworks: Framework[], run: EngineRun) {
  const index = buildDocumentIndex(doc);
  let finished = 0;
  const assessOne = async (framework: Framework) => {
    run.signal?.throwIfAborted();
    const found =
      run.engine === 'llm' && run.llm
        ? await run.llm(framework, index)
        : assessBaseline(doc, framework.controls, { index });
    await run.onProgress?.(++finished / frameworks.length);
    return found;
  };
  // Frameworks go to the model together so its calls fill the provider's concurrency; rules run one by one.
  const findings: Finding[] =
    run.engine === 'llm' ? (await Promise.all(frameworks.map(assessOne))).flat() : [];
  if (run.engine !== 'llm')
    for (const framework of frameworks) findings.push(...(await assessOne(framework)));
  const verified = verifyEvidence(doc, findings);
  const titles = new Map(
    frameworks.flatMap((f) => f.controls.map((c) => [`${f.id}/${c.id}`, c.title] as const)),
  );
  const stored: StoredFinding[] = verified.map((f) => ({
    ...f,
    title: titles.get(`${f.framework}/${f.control_id}`),
    evidence: uniqueEvidence(
      f.evidence.map((e) => ({ quote: e.quote, location: describeLocation(e.location) })),
    ),
  }));
  return { findings: stored, summary: summarize(verified) };
}

/** The same sentence can support several facets of a control; show it once. */
function uniqueEvidence(evidence: { quote: string; location: string }[]) {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.location}\u0000${e.quote}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
