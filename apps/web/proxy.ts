import { type NextRequest, NextResponse } from 'next/server';
import { pagesDomain } from './lib/config';
import { isPagesHost, siteRewrite } from './lib/pages-host';
import { crossSiteRefused, isSameOrigin } from './lib/same-origin';

const PUBLIC = ['/signin', '/signup'];
/** Shared compliance reports (read by anyone holding the link) and the external sign-in's redirects. */
const PUBLIC_PREFIXES = ['/r/', '/auth/', '/p/'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 1. CSRF: every state-changing request (server actions, forms) must come from this origin. Browsers
 *    always send Origin on POST; a missing or foreign Origin is refused (Next.js would only warn).
 * 2. Signed-out visitors of app pages go to sign in, keeping where they were headed.
 *
 * The streamed upload routes (/api/compliance/uploads, /intel/reports/upload, /intel/yara/scan) are
 * left out of the matcher: a proxy makes Next.js buffer the whole request body (and cut it at 10 MB).
 * Those routes apply the same Origin rule themselves.
 */
export function proxy(request: NextRequest) {
  // 0. Knowledge sites: `{org}.{PAGES_DOMAIN}` and `/p/{org}/{slug}.md` rewrite to app/p (read-only).
  const host = request.headers.get('host');
  const site = siteRewrite(host, request.nextUrl.pathname, pagesDomain());
  if (site) {
    if (!SAFE.has(request.method))
      return new NextResponse(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    return NextResponse.rewrite(new URL(site, request.url));
  }
  // Any other name under the pages domain (a deeper or malformed label) names no site, and the app
  // itself is never served on a pages host.
  if (isPagesHost(host, pagesDomain())) return new NextResponse('Not found', { status: 404 });
  if (!SAFE.has(request.method)) {
    if (!isSameOrigin(request.headers)) return crossSiteRefused();
    return NextResponse.next();
  }
  const path = request.nextUrl.pathname;
  if (path.startsWith('/api/') || PUBLIC.includes(path) || PUBLIC_PREFIXES.some((p) => path.startsWith(p)))
    return NextResponse.next();
  if (!request.cookies.get('assay_session')) {
    const url = new URL('/signin', request.url);
    url.search = '';
    const next = path + request.nextUrl.search;
    if (next !== '/') url.searchParams.set('next', next);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|api/compliance/uploads|intel/reports/upload|intel/yara/scan).*)',
  ],
};
