import { type NextRequest, NextResponse } from 'next/server';
import { callbackUrl, oidcConfig, webOrigin } from '@/lib/oidc/config';
import { OidcError } from '@/lib/oidc/errors';
import { failure } from '@/lib/oidc/failure';
import { discover } from '@/lib/oidc/provider';
import {
  codeChallenge,
  newTransaction,
  sealTransaction,
  TRANSACTION_COOKIE,
  TRANSACTION_PATH,
  TRANSACTION_SECONDS,
} from '@/lib/oidc/transaction';
import { safeNext } from '@/lib/safe-next';

export const dynamic = 'force-dynamic';

/** "Sign in with <provider>": Authorization Code + PKCE (S256), with state and nonce kept in a sealed cookie. */
export async function GET(request: NextRequest) {
  const origin = webOrigin(request.url);
  try {
    const config = oidcConfig();
    if (!config) throw new OidcError('not_configured', 'OIDC_ISSUER and OIDC_CLIENT_ID are not set');
    const metadata = await discover(config);
    const tx = newTransaction(safeNext(request.nextUrl.searchParams.get('next')));
    const url = new URL(metadata.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('redirect_uri', callbackUrl(origin));
    url.searchParams.set('scope', config.scopes);
    url.searchParams.set('state', tx.state);
    url.searchParams.set('nonce', tx.nonce);
    url.searchParams.set('code_challenge', codeChallenge(tx.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    if (config.audience) url.searchParams.set('audience', config.audience);
    const res = NextResponse.redirect(url, 303);
    res.headers.set('cache-control', 'no-store');
    res.cookies.set(TRANSACTION_COOKIE, await sealTransaction(tx), {
      httpOnly: true,
      // Lax: sent on the provider's top-level redirect back to the callback, never on cross-site posts.
      sameSite: 'lax',
      secure: origin.startsWith('https:'),
      path: TRANSACTION_PATH,
      maxAge: TRANSACTION_SECONDS,
    });
    return res;
  } catch (error) {
    return failure(origin, error);
  }
}
