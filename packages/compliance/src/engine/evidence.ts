import type { ExtractedDocument, SourceLocation } from '../document.ts';
import type { Evidence, Finding, FindingStatus } from './types.ts';

const MIN_QUOTE_WORDS = 3;
const UNVERIFIED_CONFIDENCE = 0.4;

/**
 * Checks every evidence quote against the document, word for word. A quote that differs only in
 * whitespace is replaced by the document's exact text and its location corrected; a quote that is
 * not in the document (or too short to mean anything) is dropped, and its finding downgraded:
 * met -> partial (or missing if no evidence is left), partial or not_applicable -> missing when
 * nothing verifiable remains. Shared by every engine; an LLM's citations must pass through it.
 */
export function verifyEvidence(doc: ExtractedDocument, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const verified: Evidence[] = [];
    let rejected = 0;
    for (const item of finding.evidence) {
      const found = locateQuote(doc, item.quote);
      if (found) verified.push({ ...item, quote: found.quote, location: found.location });
      else rejected++;
    }
    if (rejected === 0) return { ...finding, evidence: verified };
    const status = downgrade(finding.status, verified.length > 0);
    const note = `${rejected} evidence quote${rejected === 1 ? ' was' : 's were'} not found word for word in the document and ${rejected === 1 ? 'was' : 'were'} discarded${status === finding.status ? '' : `; status lowered from ${finding.status} to ${status}`}.`;
    return {
      ...finding,
      status,
      evidence: verified,
      confidence: Math.min(finding.confidence, UNVERIFIED_CONFIDENCE),
      gaps: [...finding.gaps, note],
    };
  });
}

function downgrade(status: FindingStatus, hasEvidence: boolean): FindingStatus {
  if (status === 'met') return hasEvidence ? 'partial' : 'missing';
  if (status === 'partial' || status === 'not_applicable') return hasEvidence ? status : 'missing';
  return status;
}

/** Finds a quote in the document exactly, or with whitespace differences only. */
export function locateQuote(
  doc: ExtractedDocument,
  quote: string,
): { quote: string; location: SourceLocation } | undefined {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length < MIN_QUOTE_WORDS) return undefined;
  let start = doc.text.indexOf(quote);
  let exact = quote;
  if (start < 0) {
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    const match = pattern.exec(doc.text);
    if (!match) return undefined;
    start = match.index;
    exact = match[0];
  }
  return { quote: exact, location: locationAt(doc, start) };
}

function locationAt(doc: ExtractedDocument, offset: number): SourceLocation {
  const block = doc.blocks.find((b) => b.start <= offset && offset < b.end);
  return block?.location ?? {};
}

export { summarize } from './summary.ts';
