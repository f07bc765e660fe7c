import { pagesDomain } from './config.ts';
import { isPagesHost } from './pages-host.ts';

/**
 * CSRF rule for state-changing requests: the browser's Origin must be this site. Used by proxy.ts and by
 * route handlers the proxy skips (the streamed upload, so the proxy never buffers a file). A host under
 * the pages domain serves read-only public sites, so no write is ever accepted there.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (isPagesHost(host, pagesDomain())) return false;
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
