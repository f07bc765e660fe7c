export { assessBaseline } from './baseline.ts';
export { buildDocumentIndex, type DocumentIndex } from './document-index.ts';
export { locateQuote, verifyEvidence } from './evidence.ts';
export { type AssessmentSummary, type CoverageSummary, type StatusCounts, summarize } from './summary.ts';
export type { AssessOptions, Evidence, Finding, FindingStatus } from './types.ts';
