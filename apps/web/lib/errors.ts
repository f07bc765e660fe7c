/** The API's error envelope, turned into something a person can read. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly traceId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: FieldError[] = [],
    traceId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.traceId = traceId;
  }
}

const FRIENDLY: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'Your role does not allow this action.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  INTERNAL: 'Something went wrong on our side. Try again in a moment.',
};

export async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: FieldError[]; trace_id?: string };
  } | null;
  const e = body?.error;
  const code = e?.code ?? (res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`);
  const message = e?.message ?? FRIENDLY[code] ?? `The request failed (${res.status}).`;
  return new ApiError(res.status, code, message, e?.details ?? [], e?.trace_id ?? null);
}

/** One sentence for the UI: the API message, plus field details when present. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const base = error.code === 'FORBIDDEN' ? `${FRIENDLY.FORBIDDEN} (${error.message})` : error.message;
    const fields = error.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
    return fields ? `${base} — ${fields}` : base;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
