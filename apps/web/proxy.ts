import { type NextRequest, NextResponse } from 'next/server';

const PUBLIC = ['/signin', '/signup'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 1. CSRF: every state-changing request (server actions, forms) must come from this origin. Browsers
 *    always send Origin on POST; a missing or foreign Origin is refused (Next.js would only warn).
 * 2. Signed-out visitors of app pages go to sign in, keeping where they were headed.
 */
export function proxy(request: NextRequest) {
  if (!SAFE.has(request.method)) {
    const origin = request.headers.get('origin');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    let ok = false;
    try {
      ok = origin !== null && new URL(origin).host === host;
    } catch {
      ok = false;
    }
    if (!ok) {
      return NextResponse.json(
        { error: { code: 'FORBIDDEN', message: 'Cross-site request refused', details: [], trace_id: null } },
        { status: 403 },
      );
    }
    return NextResponse.next();
  }
  const path = request.nextUrl.pathname;
  if (path.startsWith('/api/') || PUBLIC.some((p) => path === p)) return NextResponse.next();
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
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
