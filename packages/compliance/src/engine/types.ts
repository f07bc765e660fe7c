import type { SourceLocation } from '../document.ts';
import type { ScopeKey, Severity } from '../frameworks/types.ts';
import type { DocumentIndex } from './document-index.ts';

export type FindingStatus = 'met' | 'partial' | 'missing' | 'not_applicable';

export interface Evidence {
  /** Exact substring of `ExtractedDocument.text`. */
  quote: string;
  location: SourceLocation;
  /** The facet this quote speaks to, when known. */
  facet?: string;
}

export interface Finding {
  framework: string;
  control_id: string;
  status: FindingStatus;
  confidence: number;
  evidence: Evidence[];
  gaps: string[];
  recommendations: string[];
  severity: Severity;
  method: 'baseline' | 'llm';
  /** One line on why the status was given ("2 of 3 requirement elements have binding statements"). */
  rationale?: string;
}

export interface AssessOptions {
  /** Facts the caller knows about the organization; they override what the document says. */
  scopes?: Partial<Record<ScopeKey, boolean>>;
  /** Reuse an index when assessing the same document several times. */
  index?: DocumentIndex;
  /** How many BM25 candidates to judge per facet (default 60). */
  candidatesPerFacet?: number;
}
