import type { getDocumentProxy } from 'unpdf';
import type { ExtractedDocument } from '../document.ts';
import { BlockCollector } from './blocks.ts';
import { ExtractionError } from './errors.ts';
import { itemsToLines, layoutStats, linesToParagraphs, type PdfItem } from './pdf-layout.ts';
import { dropRunningHeaders, type PdfPage } from './pdf-margins.ts';

// unpdf ships a serverless build of Mozilla's PDF.js (no worker, no canvas, no native code), so it runs
// in-process on Node 24; pages are read one by one so a limit or an abort stops the work early.

export interface PdfOptions {
  maxPages: number;
  maxChars: number;
  signal?: AbortSignal;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

function toExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    const message = 'The PDF is password-protected. Remove the password and upload it again.';
    return new ExtractionError('encrypted', message, { cause: error });
  }
  const detail = name === 'InvalidPDFException' ? 'its structure is invalid' : 'it is damaged or truncated';
  return new ExtractionError('corrupt', `The PDF could not be read: ${detail}.`, { cause: error });
}

async function open(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocumentProxy } = await import('unpdf');
  // PDF.js may take ownership of the buffer it is given, so it gets a copy rather than the caller's bytes.
  return getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, enableXfa: false });
}

async function readPage(pdf: PdfDocument, pageNumber: number): Promise<PdfPage> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , c, d, x, y] = item.transform as number[];
      items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d), hasEOL: item.hasEOL });
    }
    const [, y0, , y1] = page.view;
    return { lines: itemsToLines(items), bottom: Math.min(y0, y1), top: Math.max(y0, y1) };
  } finally {
    page.cleanup();
  }
}

async function readTitle(pdf: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions): Promise<ExtractedDocument> {
  let pdf: PdfDocument;
  try {
    pdf = await open(bytes);
  } catch (error) {
    throw toExtractionError(error);
  }
  try {
    const pageCount = pdf.numPages;
    if (pageCount > options.maxPages) {
      throw new ExtractionError(
        'too_large',
        `The PDF has ${pageCount} pages; at most ${options.maxPages} pages can be assessed.`,
      );
    }
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      options.signal?.throwIfAborted();
      const page = await readPage(pdf, n);
      for (const line of page.lines) chars += line.text.length;
      if (chars > options.maxChars) {
        throw new ExtractionError('too_large', 'The PDF has more text than can be assessed.');
      }
      pages.push(page);
    }
    const body = dropRunningHeaders(pages);
    const stats = layoutStats(body);
    const collector = new BlockCollector(options.maxChars);
    body.forEach((lines, i) => {
      for (const p of linesToParagraphs(lines, stats)) collector.add(p.text, p.kind, { page: i + 1 });
    });
    if (collector.size === 0) {
      throw new ExtractionError(
        'empty',
        'The PDF has no text layer: it looks like a scanned or image-only document. Run OCR on it (or export it with text) and upload it again.',
      );
    }
    return collector.finish('pdf', { pageCount, title: await readTitle(pdf) });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw toExtractionError(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
