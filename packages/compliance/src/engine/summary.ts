import type { Severity } from '../frameworks/types.ts';
import type { Finding, FindingStatus } from './types.ts';

export type StatusCounts = Record<FindingStatus, number>;

export interface CoverageSummary {
  total: number;
  /** Findings that are not `not_applicable`. */
  applicable: number;
  /** (met + 0.5 x partial) / applicable, between 0 and 1; null when nothing applies. */
  coverage: number | null;
  byStatus: StatusCounts;
  bySeverity: Record<Severity, StatusCounts>;
}

export interface AssessmentSummary {
  overall: CoverageSummary;
  frameworks: ({ framework: string } & CoverageSummary)[];
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

export function summarize(findings: readonly Finding[]): AssessmentSummary {
  const frameworkIds = [...new Set(findings.map((f) => f.framework))];
  return {
    overall: summarizeGroup(findings),
    frameworks: frameworkIds.map((framework) => ({
      framework,
      ...summarizeGroup(findings.filter((f) => f.framework === framework)),
    })),
  };
}

function summarizeGroup(findings: readonly Finding[]): CoverageSummary {
  const byStatus = emptyCounts();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<
    Severity,
    StatusCounts
  >;
  for (const finding of findings) {
    byStatus[finding.status]++;
    bySeverity[finding.severity][finding.status]++;
  }
  const applicable = findings.length - byStatus.not_applicable;
  return {
    total: findings.length,
    applicable,
    coverage: applicable === 0 ? null : (byStatus.met + 0.5 * byStatus.partial) / applicable,
    byStatus,
    bySeverity,
  };
}

function emptyCounts(): StatusCounts {
  return { met: 0, partial: 0, missing: 0, not_applicable: 0 };
}
