/**
 * CSRF rule for state-changing requests: the browser's Origin must be this site. Used by proxy.ts and by
 * route handlers the proxy skips (the streamed upload, so the proxy never buffers a file).
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return origin !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const crossSiteRefused = () =>
  Response.json(
    { error: { code: 'FORBIDDEN', message: 'Cross-site request refused', details: [], trace_id: null } },
    { status: 403 },
  );
