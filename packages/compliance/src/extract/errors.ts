/** Why a document could not be turned into text. Closed: callers map each to a user-facing outcome. */
export type ExtractionFailure = 'unsupported_type' | 'encrypted' | 'corrupt' | 'empty' | 'too_large';

export const EXTRACTION_FAILURES: readonly ExtractionFailure[] = [
  'unsupported_type',
  'encrypted',
  'corrupt',
  'empty',
  'too_large',
];

/** The only error `extractDocument` throws for bad input; `message` is written for the uploader. */
export class ExtractionError extends Error {
  readonly reason: ExtractionFailure;

  constructor(reason: ExtractionFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionError';
    this.reason = reason;
  }
}

export const isExtractionError = (error: unknown): error is ExtractionError =>
  error instanceof ExtractionError;
