/** Helpers of the intel upload routes: answers in the API's error envelope, and the API's answers relayed. */
export const fail = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message, details: [], trace_id: null } }, { status });

/** The API's (or storage's) answer as is: its JSON error envelope carries the reason. */
export async function relay(res: Response, statusOverride?: number): Promise<Response> {
  const text = await res.text();
  const json = text.startsWith('{');
  return new Response(
    json
      ? text
      : JSON.stringify({
          error: {
            code: `HTTP_${res.status}`,
            message: text || `The upload failed (${res.status}).`,
            details: [],
            trace_id: null,
          },
        }),
    {
      status: res.ok ? res.status : (statusOverride ?? res.status),
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    },
  );
}
