import type { z } from 'zod';
import type { findingView } from '../assessments/contracts.ts';
import type { AssessmentSummary } from '../engine/index.ts';

export type Finding = z.infer<typeof findingView>;

/** Everything a report shows, whatever its format. */
export interface ReportModel {
  organization: string;
  documentName: string;
  assessmentId: string;
  frameworks: string[];
  engine: string;
  completedAt: string | null;
  summary: AssessmentSummary | null;
  findings: Finding[];
}

const STATUS_ORDER = { missing: 0, partial: 1, met: 2, not_applicable: 3 } as const;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Gaps first, the most severe first: the order an auditor reads in. */
export const sortFindings = (findings: Finding[]) =>
  [...findings].sort(
    (a, b) =>
      a.framework.localeCompare(b.framework) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.control_id.localeCompare(b.control_id, 'en', { numeric: true }),
  );
