import { ExtractionError, extractDocument } from '@assay/compliance/extract/index';
import { type Platform, SafeFetchError, safeFetch } from '@assay/core';
import type { intelReports } from '../schema.ts';

type ReportRow = typeof intelReports.$inferSelect;
const MAX_FETCH_BYTES = 20 * 1024 * 1024;

/** Why a report's content could not be read; the message is shown to the analyst. */
export class ReportSourceError extends Error {}

/**
 * The text of a report, whatever its source: pasted text as is; an upload or a fetched URL through
 * the document extractors (PDF, HTML, Markdown, text; the type sniffed from the bytes).
 */
export async function readReportSource(
  platform: Platform,
  row: ReportRow,
  signal: AbortSignal,
): Promise<{ text: string; format: string; title?: string; finalUrl?: string }> {
  if (row.source === 'text') return { text: row.body ?? '', format: 'text' };
  let bytes: Buffer;
  let declaredType = row.declaredType ?? undefined;
  let finalUrl: string | undefined;
  if (row.source === 'url') {
    try {
      const response = await safeFetch(row.sourceUrl as string, {
        allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE,
        maxBytes: MAX_FETCH_BYTES,
        timeoutMs: 20_000,
        headers: { accept: 'text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
      });
      if (response.status >= 400) throw new ReportSourceError(`The page answered HTTP ${response.status}`);
      bytes = response.body;
      declaredType =
        String(response.headers['content-type'] ?? '')
          .split(';')[0]
          .trim() || undefined;
      finalUrl = response.url;
    } catch (error) {
      if (error instanceof SafeFetchError) throw new ReportSourceError(error.message);
      throw error;
    }
  } else {
    bytes = await platform.storage.getBuffer(row.storageKey as string);
  }
  try {
    const doc = await extractDocument(bytes, { declaredType, signal });
    return { text: doc.text, format: doc.format, title: doc.title, finalUrl };
  } catch (error) {
    if (error instanceof ExtractionError) throw new ReportSourceError(error.message);
    throw error;
  }
}
