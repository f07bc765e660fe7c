import { NextResponse } from 'next/server';
import { OidcError } from './errors';
import { TRANSACTION_COOKIE, TRANSACTION_PATH } from './transaction';

/**
 * Back to the sign-in page with a readable reason. The detail (which may quote the provider) goes to
 * the server log only. The transaction cookie is always dropped: a failed attempt is never retried.
 */
export function failure(origin: string, error: unknown): NextResponse {
  const code = error instanceof OidcError ? error.failure : 'unavailable';
  console.error(`[oidc] sign-in failed (${code}): ${error instanceof Error ? error.message : String(error)}`);
  const url = new URL('/signin', origin);
  url.searchParams.set('error', `oidc_${code}`);
  const res = NextResponse.redirect(url, 303);
  res.cookies.set(TRANSACTION_COOKIE, '', { path: TRANSACTION_PATH, maxAge: 0 });
  return res;
}
