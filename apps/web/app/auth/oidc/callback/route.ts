import { cookies } from 'next/headers';
import { type NextRequest, NextResponse } from 'next/server';
import { callbackUrl, oidcConfig, webOrigin } from '@/lib/oidc/config';
import { OidcError } from '@/lib/oidc/errors';
import { failure } from '@/lib/oidc/failure';
import { discover } from '@/lib/oidc/provider';
import { startIdpSession } from '@/lib/oidc/session';
import { chooseApiToken, exchangeCode, verifyIdToken } from '@/lib/oidc/tokens';
import { openTransaction, TRANSACTION_COOKIE, TRANSACTION_PATH } from '@/lib/oidc/transaction';

export const dynamic = 'force-dynamic';

/**
 * The provider redirects here with ?code&state. The state must match the sealed cookie set by /start;
 * the code is exchanged once (with the PKCE verifier), the id_token verified, and the chosen token
 * becomes the session cookie the built-in sign-in uses.
 */
export async function GET(request: NextRequest) {
  const origin = webOrigin(request.url);
  try {
    const config = oidcConfig();
    if (!config) throw new OidcError('not_configured', 'OIDC_ISSUER and OIDC_CLIENT_ID are not set');
    const params = request.nextUrl.searchParams;
    const jar = await cookies();
    const tx = await openTransaction(jar.get(TRANSACTION_COOKIE)?.value, params.get('state'));
    jar.set(TRANSACTION_COOKIE, '', { path: TRANSACTION_PATH, maxAge: 0 });
    const providerError = params.get('error');
    if (providerError) throw new OidcError('denied', `the provider answered ${providerError}`);
    const code = params.get('code');
    if (!code) throw new OidcError('denied', 'the callback has no code');
    const metadata = await discover(config);
    const tokens = await exchangeCode(config, metadata, code, callbackUrl(origin), tx);
    const claims = await verifyIdToken(config, metadata, tokens.id_token, tx.nonce);
    const signedIn = chooseApiToken(config, tokens, tokens.id_token!, claims.exp!);
    const next = await startIdpSession(signedIn, tx.next);
    return NextResponse.redirect(new URL(next, origin), 303);
  } catch (error) {
    return failure(origin, error);
  }
}
