import type { FindingStatus, Framework, Severity } from './compliance-types';

export const STATUSES: FindingStatus[] = ['missing', 'partial', 'met', 'not_applicable'];
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

export const STATUS_LABEL: Record<FindingStatus, string> = {
  met: 'Met',
  partial: 'Partial',
  missing: 'Missing',
  not_applicable: 'Not applicable',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const SHORT: Record<string, string> = { soc2: 'SOC 2', gdpr: 'GDPR', hipaa: 'HIPAA' };

/** A short name for a framework id (`oscal:<key>` imports keep their key). */
export function frameworkLabel(id: string, frameworks?: Framework[]): string {
  if (SHORT[id]) return SHORT[id];
  const known = frameworks?.find((f) => f.id === id);
  if (known) return known.name;
  return id.startsWith('oscal:') ? `OSCAL ${id.slice(6)}` : id;
}

export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
