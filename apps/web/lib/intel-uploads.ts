/** Which report files the intel API takes: checked in the browser before a byte is sent, and again there. */
export const REPORT_TYPES = ['application/pdf', 'text/html', 'text/plain', 'text/markdown'] as const;
export type ReportUploadType = (typeof REPORT_TYPES)[number];

const BY_EXTENSION: Record<string, ReportUploadType> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

export const REPORT_ACCEPT = Object.keys(BY_EXTENSION)
  .map((e) => `.${e}`)
  .join(',');
export const REPORT_ACCEPT_LABEL = 'PDF, HTML, Markdown or plain text';

/** The API's limit for a report file; the upload route streams past the web app's request proxy. */
export const REPORT_MAX_BYTES = 25 * 1024 * 1024;

export const isReportType = (v: string): v is ReportUploadType =>
  (REPORT_TYPES as readonly string[]).includes(v);

export function reportTypeOf(name: string, browserType: string): ReportUploadType | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const base = browserType.split(';')[0].trim().toLowerCase();
  return isReportType(base) ? base : null;
}

/** Files to scan with YARA rules can be anything; only the size is checked here (the API's limit). */
export const SCAN_MAX_BYTES = 16 * 1024 * 1024;
