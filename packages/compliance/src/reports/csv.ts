import { type ReportModel, sortFindings } from './model.ts';

const HEADER = [
  'framework',
  'control_id',
  'title',
  'status',
  'severity',
  'confidence',
  'method',
  'evidence',
  'locations',
  'gaps',
  'recommendations',
];

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(model: ReportModel): string {
  const rows = sortFindings(model.findings).map((f) => [
    f.framework,
    f.control_id,
    f.title ?? '',
    f.status,
    f.severity,
    f.confidence.toFixed(2),
    f.method,
    f.evidence.map((e) => e.quote).join(' | '),
    f.evidence.map((e) => e.location).join(' | '),
    f.gaps.join(' | '),
    f.recommendations.join(' | '),
  ]);
  return `${[HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
