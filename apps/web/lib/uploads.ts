/** Which files the compliance API accepts, checked in the browser before a byte is sent and again on the server. */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const UPLOAD_TYPES = ['application/pdf', DOCX, 'text/markdown', 'text/html', 'text/plain'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

const BY_EXTENSION: Record<string, UploadType> = {
  pdf: 'application/pdf',
  docx: DOCX,
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
};

/** For the file input's `accept`. */
export const ACCEPT = Object.keys(BY_EXTENSION)
  .map((e) => `.${e}`)
  .join(',');

export const ACCEPT_LABEL = 'PDF, Word (.docx), Markdown, HTML or plain text';

/** The free plan's limit; the page passes the organization's own limit when it can read it. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export const isUploadType = (value: string): value is UploadType =>
  (UPLOAD_TYPES as readonly string[]).includes(value);

/** The extension decides (browsers report no type, or odd ones, for .md); the browser's type is the fallback. */
export function uploadTypeOf(name: string, browserType: string): UploadType | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const base = browserType.split(';')[0].trim().toLowerCase();
  return isUploadType(base) ? base : null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type FileCheck = { ok: true; contentType: UploadType } | { ok: false; error: string };

export function checkFile(file: { name: string; type: string; size: number }, maxBytes: number): FileCheck {
  const contentType = uploadTypeOf(file.name, file.type);
  if (!contentType)
    return { ok: false, error: `“${file.name}” is not a supported file. Use ${ACCEPT_LABEL}.` };
  if (file.size === 0) return { ok: false, error: `“${file.name}” is empty.` };
  if (file.size > maxBytes)
    return {
      ok: false,
      error: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`,
    };
  if (file.name.length > 255) return { ok: false, error: 'The file name is longer than 255 characters.' };
  return { ok: true, contentType };
}
