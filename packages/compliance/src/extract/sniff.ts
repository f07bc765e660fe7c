import { classifyText } from './classify-text.ts';
import { decodeText } from './decode.ts';
import { ExtractionError, type ExtractionFailure } from './errors.ts';
import { EXTRACTION_LIMITS } from './limits.ts';
import { readZipDirectory, type ZipEntry } from './zip.ts';

/** What the bytes are, decided by content alone; the declared type only breaks ties between text formats. */
export type SniffResult =
  | { format: 'pdf' }
  | { format: 'docx'; entries: ZipEntry[] }
  | { format: 'html' | 'markdown' | 'text'; text: string }
  | { format: 'refused'; reason: ExtractionFailure; message: string };

const SUPPORTED = 'Upload a PDF, Word (.docx), HTML, Markdown or plain-text file.';

const refuse = (reason: ExtractionFailure, message: string): SniffResult => ({
  format: 'refused',
  reason,
  message,
});
const unsupported = (what: string) =>
  refuse('unsupported_type', `The file is ${what}, which is not supported. ${SUPPORTED}`);

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function view(bytes: Uint8Array, start: number, end: number): Buffer {
  const from = Math.max(0, start);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(bytes.length, end) - from));
}

// PDF readers accept the header anywhere in the first 1 KB (some generators prepend junk). Away from
// offset 0 we also want the end-of-file marker, so a text file that merely mentions "%PDF-" stays text.
function isPdf(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return true;
  const header = view(bytes, 0, 1024).indexOf('%PDF-');
  return header > 0 && view(bytes, bytes.length - 2048, bytes.length).includes('%%EOF');
}

const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

function sniffOle(bytes: Uint8Array): SniffResult {
  // Password-protected .docx files are OLE containers holding an "EncryptedPackage" stream (UTF-16 name).
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name)) {
    return refuse(
      'encrypted',
      'The Word document is password-protected. Remove the password and upload it again.',
    );
  }
  return unsupported('a legacy Office file (.doc, .xls or .ppt); save it as .docx or PDF');
}

function sniffZip(bytes: Uint8Array): SniffResult {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, EXTRACTION_LIMITS.maxZipEntries);
  } catch (error) {
    if (error instanceof ExtractionError) return refuse(error.reason, error.message);
    throw error;
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return { format: 'docx', entries };
  if (names.has('xl/workbook.xml')) return unsupported('an Excel workbook');
  if (names.has('ppt/presentation.xml')) return unsupported('a PowerPoint presentation');
  if (names.has('mimetype') && names.has('content.xml')) return unsupported('an OpenDocument file');
  return unsupported('a ZIP archive');
}

export function sniff(bytes: Uint8Array, declaredType?: string): SniffResult {
  if (bytes.length === 0) return refuse('empty', 'The file is empty.');
  if (isPdf(bytes)) return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  if (startsWith(bytes, OLE_COMPOUND)) return sniffOle(bytes);
  for (const [signature, what] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return unsupported(what);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return unsupported(`not a text document (${decoded.why})`);
  if (!decoded.text.trim()) return refuse('empty', 'The file contains only whitespace.');
  return { format: classifyText(decoded.text, declaredType), text: decoded.text };
}
