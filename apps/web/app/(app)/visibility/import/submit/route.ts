import type { NextRequest } from 'next/server';
import { apiBase, forwardHeaders, unreachable } from '@/lib/forward';
import { MAX_IMPORT_BYTES } from '@/lib/visibility-schemas';

const UUID = /^[0-9a-f-]{36}$/i;

const refuse = (status: number, message: string, field = 'file') =>
  Response.json(
    { error: { code: 'VALIDATION_ERROR', message, details: [{ field, message }], trace_id: null } },
    { status },
  );

/**
 * The import form's upload: the file arrives as sent (CSV or JSON), becomes the API's import body, and the
 * API's answer (the count, or each bad row in the error envelope) goes back as is. The proxy has already
 * checked that the request comes from this origin.
 */
export async function POST(request: NextRequest) {
  const projectId = request.nextUrl.searchParams.get('project_id') ?? '';
  const label = request.nextUrl.searchParams.get('label')?.trim() || undefined;
  if (!UUID.test(projectId)) return refuse(422, 'Choose a project first.', 'project_id');
  const size = Number(request.headers.get('content-length') ?? 0);
  if (size > MAX_IMPORT_BYTES) return refuse(413, 'The file is too large (5 MB at most).');
  const text = await request.text();
  if (text.length > MAX_IMPORT_BYTES) return refuse(413, 'The file is too large (5 MB at most).');
  if (!text.trim()) return refuse(422, 'The file is empty.');
  const type = request.headers.get('content-type') ?? '';
  let body: Record<string, unknown>;
  if (type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return refuse(422, `The file is not valid JSON: ${(error as Error).message}`);
    }
    const rows = Array.isArray(parsed)
      ? parsed
      : parsed && typeof parsed === 'object'
        ? ((parsed as { rows?: unknown; answers?: unknown }).rows ??
          (parsed as { answers?: unknown }).answers)
        : undefined;
    if (!Array.isArray(rows))
      return refuse(422, 'Expected a JSON array of answers, or an object with a "rows" array.');
    body = { project_id: projectId, label, rows };
  } else {
    body = { project_id: projectId, label, csv: text };
  }
  try {
    const res = await fetch(`${apiBase()}/v1/answers/import`, {
      method: 'POST',
      headers: { ...(await forwardHeaders()), 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    return new Response(res.body, {
      status: res.status,
      headers: {
        'content-type': res.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
      },
    });
  } catch {
    return unreachable();
  }
}
