import type { ExtractedDocument } from '../document.ts';
import { extractDocx } from './docx.ts';
import { ExtractionError } from './errors.ts';
import { extractHtml } from './html.ts';
import { EXTRACTION_LIMITS, type ExtractOptions } from './limits.ts';
import { extractMarkdown } from './markdown.ts';
import { extractPdf } from './pdf.ts';
import { sniff } from './sniff.ts';
import { extractText } from './text.ts';

export { EXTRACTION_FAILURES, ExtractionError, type ExtractionFailure, isExtractionError } from './errors.ts';
export { EXTRACTION_LIMITS, type ExtractOptions } from './limits.ts';
export { type SniffResult, sniff } from './sniff.ts';

/**
 * Turns an uploaded document into text blocks with locations. The type is detected from the bytes;
 * `declaredType` only breaks ties between text formats. Bad input always ends in an `ExtractionError`
 * with a closed `reason`; an aborted `signal` rejects with the signal's reason.
 */
export async function extractDocument(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  options.signal?.throwIfAborted();
  const limits = EXTRACTION_LIMITS;
  if (bytes.length > limits.maxInputBytes) {
    throw new ExtractionError(
      'too_large',
      `The file is larger than ${Math.round(limits.maxInputBytes / 1024 / 1024)} MB, the most that can be processed.`,
    );
  }
  const requested = options.maxPages;
  const maxPages = Number.isFinite(requested)
    ? Math.max(1, Math.floor(requested as number))
    : limits.maxPages;
  try {
    const sniffed = sniff(bytes, options.declaredType);
    switch (sniffed.format) {
      case 'refused':
        throw new ExtractionError(sniffed.reason, sniffed.message);
      case 'pdf':
        return await extractPdf(bytes, { maxPages, maxChars: limits.maxTextChars, signal: options.signal });
      case 'docx':
        return extractDocx(bytes, sniffed.entries, {
          maxChars: limits.maxTextChars,
          maxUncompressedBytes: limits.maxZipUncompressedBytes,
        });
      case 'html':
        return extractHtml(sniffed.text, { maxChars: limits.maxTextChars });
      case 'markdown':
        return extractMarkdown(sniffed.text, { maxChars: limits.maxTextChars });
      case 'text':
        return extractText(sniffed.text, { maxChars: limits.maxTextChars });
    }
  } catch (error) {
    if (error instanceof ExtractionError || options.signal?.aborted) throw error;
    // Parsers can fail in ways we did not foresee on malformed input; that is still the input's fault.
    throw new ExtractionError('corrupt', 'The file could not be read; it may be damaged.', { cause: error });
  }
}
