/** Bounds that keep extraction of hostile uploads within predictable memory and time. */
export const EXTRACTION_LIMITS = {
  /** Input size accepted at all; uploads are expected to be capped earlier, this is the last guard. */
  maxInputBytes: 100 * 1024 * 1024,
  /** Default page limit for PDFs, overridable per call with `maxPages`. */
  maxPages: 2000,
  /** Characters of extracted text; beyond this a document is too long to assess. */
  maxTextChars: 20_000_000,
  /** Entries in a DOCX (ZIP) archive. */
  maxZipEntries: 10_000,
  /** Decompressed bytes of all DOCX parts we read, measured while inflating (not trusted from headers). */
  maxZipUncompressedBytes: 50 * 1024 * 1024,
} as const;

export interface ExtractOptions {
  /** Content type declared by the upload; only breaks ties between text formats, never overrides content. */
  declaredType?: string;
  maxPages?: number;
  signal?: AbortSignal;
}
