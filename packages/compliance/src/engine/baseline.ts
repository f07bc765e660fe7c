import type { ExtractedDocument } from '../document.ts';
import type { Control, ScopeKey } from '../frameworks/types.ts';
import { buildDocumentIndex, type DocumentIndex } from './document-index.ts';
import { describeGaps } from './gaps.ts';
import { type FacetJudgement, type FacetState, judgeFacet, type SentenceVerdict } from './judge.ts';
import type { Passage } from './passages.ts';
import { decideApplicability, detectScopes, type ScopeEvidence } from './scope.ts';
import type { AssessOptions, Evidence, Finding, FindingStatus } from './types.ts';

const DEFAULT_CANDIDATES = 60;
const QUOTES_PER_FACET = 2;

/**
 * Assesses a document against controls without an LLM: BM25 finds candidate sentences for each
 * requirement element (facet) and rules decide whether they are binding commitments. Conservative by
 * design: `met` needs a binding, un-negated statement for every facet.
 */
export function assessBaseline(
  doc: ExtractedDocument,
  controls: readonly Control[],
  options: AssessOptions = {},
): Finding[] {
  if (options.index && options.index.doc !== doc)
    throw new Error('options.index was built for another document');
  const index = options.index ?? buildDocumentIndex(doc);
  const scopes = detectScopes(index);
  return controls.map((control) => assessControl(control, index, scopes, options));
}

function assessControl(
  control: Control,
  index: DocumentIndex,
  scopes: Record<ScopeKey, ScopeEvidence>,
  options: AssessOptions,
): Finding {
  const base = {
    framework: control.framework,
    control_id: control.id,
    severity: control.severity,
    method: 'baseline' as const,
    gaps: [],
    recommendations: [],
  };
  const notApplicable = (rationale: string, confidence: number, passage?: Passage): Finding => ({
    ...base,
    status: 'not_applicable',
    confidence,
    evidence: passage ? [toEvidence(passage)] : [],
    rationale,
  });
  const applicability = decideApplicability(control, scopes, index, options);
  if (!applicability.applicable)
    return notApplicable(applicability.reason, applicability.confidence, applicability.evidence);
  const candidates = options.candidatesPerFacet ?? DEFAULT_CANDIDATES;
  const judgements = control.facets.map((facet) => judgeFacet(index, facet, candidates));
  const outOfScope = scopedOut(judgements);
  if (outOfScope) return notApplicable('The document places this topic outside its scope.', 0.7, outOfScope);
  const status = statusOf(judgements);
  const { gaps, recommendations } = describeGaps(judgements);
  return {
    ...base,
    status,
    confidence: confidenceOf(status, judgements),
    evidence: collectEvidence(index, judgements),
    gaps,
    recommendations,
    rationale: rationaleOf(judgements),
  };
}

/** Facet states in which the document addresses the facet, in part at least. */
const ADDRESSED = new Set<FacetState>(['covered', 'weak', 'conflict']);

/** The sentence that scopes the topic out, when the document otherwise says nothing binding about it. */
function scopedOut(judgements: readonly FacetJudgement[]): Passage | undefined {
  if (judgements.some((j) => ADDRESSED.has(j.state) || j.state === 'negated')) return undefined;
  return judgements.flatMap((j) => j.support).find((s) => s.verdict === 'excluded')?.passage;
}

function statusOf(judgements: readonly FacetJudgement[]): FindingStatus {
  if (judgements.every((j) => j.state === 'covered')) return 'met';
  return judgements.some((j) => ADDRESSED.has(j.state)) ? 'partial' : 'missing';
}

/**
 * Heuristic confidence in the status. Rules over words are never certain, so it stays below 0.9; it is
 * lower where the evidence is thin (one sentence per facet) or mixed (hedges, denials, names only).
 */
function confidenceOf(status: FindingStatus, judgements: readonly FacetJudgement[]): number {
  const covering = (j: FacetJudgement) => j.support.filter((s) => s.verdict === 'covered').length;
  if (status === 'met') {
    const corroborated = judgements.filter((j) => covering(j) >= 2).length / judgements.length;
    return round(0.65 + 0.2 * corroborated);
  }
  if (status === 'partial')
    return round(0.55 + 0.15 * (judgements.filter((j) => j.state === 'covered').length / judgements.length));
  if (judgements.some((j) => j.state === 'negated')) return 0.8;
  return judgements.every((j) => j.state === 'absent') ? 0.8 : 0.65;
}

/** Which sentences to quote for each facet state: the commitments, or the hedges and denials behind a gap. */
const QUOTED: Record<FacetState, SentenceVerdict[]> = {
  covered: ['covered'],
  weak: ['weak'],
  conflict: ['covered', 'negated'],
  negated: ['negated'],
  excluded: [],
  mentioned: [],
  absent: [],
};

function collectEvidence(index: DocumentIndex, judgements: readonly FacetJudgement[]): Evidence[] {
  const evidence: Evidence[] = [];
  const add = (passage: Passage, facet: string) => {
    if (!evidence.some((e) => e.quote === passage.text && e.facet === facet))
      evidence.push(toEvidence(passage, facet));
  };
  for (const { facet, state, support } of judgements) {
    const verdicts = QUOTED[state];
    for (const verdict of verdicts) {
      const quotes = support
        .filter((s) => s.verdict === verdict)
        .slice(0, verdicts.length === 1 ? QUOTES_PER_FACET : 1);
      for (const { passage } of quotes) {
        // A list item ("- encrypt laptops") only makes sense with the sentence that introduces it.
        if (passage.leadIn !== undefined && passage.strength === 'none')
          add(index.passages[passage.leadIn], facet.key);
        add(passage, facet.key);
      }
    }
  }
  return evidence;
}

function toEvidence(passage: Passage, facet?: string): Evidence {
  return { quote: passage.text, location: passage.location, ...(facet ? { facet } : {}) };
}

function rationaleOf(judgements: readonly FacetJudgement[]): string {
  const covered = judgements.filter((j) => j.state === 'covered').length;
  return `${covered} of ${judgements.length} requirement element${judgements.length === 1 ? '' : 's'} ${judgements.length === 1 ? 'has' : 'have'} a binding statement.`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
