/** Shapes of the compliance API (tag `compliance` in GET /v1/openapi.json). */
export type DocumentStatus = 'awaiting_upload' | 'processing' | 'ready' | 'failed';

export interface ComplianceDocument {
  id: string;
  project_id: string;
  filename: string;
  declared_type: string;
  format: string | null;
  size_bytes: number;
  status: DocumentStatus;
  error: string | null;
  error_reason: string | null;
  page_count: number | null;
  text_chars: number | null;
  title: string | null;
  expires_at: string | null;
  created_at: string;
}

export interface TextBlock {
  start: number;
  end: number;
  kind: string;
  location: string;
}

export interface DocumentText {
  format: string;
  title: string | null;
  text: string;
  blocks: TextBlock[];
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  source: 'builtin' | 'oscal';
  control_count: number;
}

export type FindingStatus = 'met' | 'partial' | 'missing' | 'not_applicable';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface Evidence {
  quote: string;
  location: string;
}

export interface Finding {
  framework: string;
  control_id: string;
  title?: string;
  status: FindingStatus;
  confidence: number;
  evidence: Evidence[];
  gaps: string[];
  recommendations: string[];
  severity: Severity;
  method: 'llm' | 'baseline';
  rationale?: string;
}

export type StatusCounts = Record<FindingStatus, number>;

export interface CoverageSummary {
  total: number;
  applicable: number;
  /** (met + 0.5 × partial) / applicable, 0..1; null when nothing applies. */
  coverage: number | null;
  byStatus: StatusCounts;
  bySeverity: Record<Severity, StatusCounts>;
}

export interface AssessmentSummary {
  overall: CoverageSummary;
  frameworks: ({ framework: string } & CoverageSummary)[];
}

export type AssessmentStatus = 'processing' | 'completed' | 'failed';

export interface Assessment {
  id: string;
  project_id: string;
  document_id: string;
  frameworks: string[];
  engine: 'baseline' | 'llm';
  status: AssessmentStatus;
  progress: number;
  eta: string | null;
  error: string | null;
  job_id: string | null;
  summary: AssessmentSummary | null;
  findings?: Finding[];
  duration_ms: number | null;
  created_at: string;
  completed_at: string | null;
}

export interface ShareLink {
  id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface NewShareLink extends ShareLink {
  token: string;
  url: string;
}

/** GET /v1/public/reports/{token}: what a shared report shows. */
export interface PublicReport {
  organization: string;
  documentName: string;
  assessmentId: string;
  frameworks: string[];
  engine: string;
  completedAt: string | null;
  summary: AssessmentSummary | null;
  findings: Finding[];
}

export interface Usage {
  metrics: { metric: string; used: number; limit: number | null }[];
}
