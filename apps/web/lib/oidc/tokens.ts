import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { OidcConfig } from './config';
import { OidcError } from './errors';
import { type ProviderMetadata, providerKeys } from './provider';
import type { Transaction } from './transaction';

interface TokenResponse {
  id_token?: string;
  access_token?: string;
  token_type?: string;
  expires_in?: number;
}

export interface SignedIn {
  /** What the API receives as `Authorization: Bearer`, and when it stops working. */
  apiToken: string;
  expiresAt: Date;
  /** Kept for the provider's sign-out (`id_token_hint`). */
  idToken: string;
}

/** Asymmetric algorithms only: an id_token is checked against the provider's published keys. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Authorization Code grant with the PKCE verifier (RFC 6749 4.1.3, RFC 7636 4.5). */
export async function exchangeCode(
  config: OidcConfig,
  metadata: ProviderMetadata,
  code: string,
  redirectUri: string,
  tx: Transaction,
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: tx.verifier,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (config.clientSecret && methods.includes('client_secret_basic')) {
    const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    body.set('client_id', config.clientId);
    if (config.clientSecret) body.set('client_secret', config.clientSecret);
  }
  let res: Response;
  try {
    res = await fetch(metadata.token_endpoint, { method: 'POST', headers, body, cache: 'no-store' });
  } catch (error) {
    throw new OidcError('unavailable', `token endpoint unreachable: ${(error as Error).message}`);
  }
  const json = (await res.json().catch(() => ({}))) as TokenResponse & { error?: string };
  if (!res.ok) throw new OidcError('exchange', `token endpoint answered ${res.status} ${json.error ?? ''}`);
  return json;
}

/** OpenID Connect Core 3.1.3.7: signature, issuer, audience (and azp), expiry, and our nonce. */
export async function verifyIdToken(
  config: OidcConfig,
  metadata: ProviderMetadata,
  idToken: string | undefined,
  nonce: string,
) {
  if (!idToken)
    throw new OidcError('token', 'the token response has no id_token (is "openid" in the scopes?)');
  try {
    const { payload } = await jwtVerify(idToken, providerKeys(metadata), {
      issuer: metadata.issuer,
      audience: config.clientId,
      algorithms: ALGORITHMS,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 5,
    });
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (audiences.length > 1 && payload.azp !== config.clientId) throw new Error('azp is not this client');
    if (payload.nonce !== nonce) throw new Error('nonce does not match');
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSTimeout)
      throw new OidcError('token', `no usable provider key: ${error.message}`);
    throw new OidcError('token', `id_token rejected: ${(error as Error).message}`);
  }
}

/**
 * The API's Bearer token. Default: the id_token, which is always a JWT signed with the provider's keys
 * and whose audience is this client. With OIDC_API_TOKEN=access_token: the access token, which must then
 * be a JWT for the API's audience (the API verifies it; opaque access tokens cannot work).
 */
export function chooseApiToken(
  config: OidcConfig,
  tokens: TokenResponse,
  idToken: string,
  idExp: number,
): SignedIn {
  if (config.apiToken === 'id_token')
    return { apiToken: idToken, expiresAt: new Date(idExp * 1000), idToken };
  const access = tokens.access_token;
  if (!access) throw new OidcError('token', 'the token response has no access_token');
  let exp: number | undefined;
  try {
    exp = decodeJwt(access).exp;
  } catch {
    throw new OidcError('token', 'OIDC_API_TOKEN=access_token, but the access token is not a JWT');
  }
  const seconds = exp ?? (tokens.expires_in ? Math.floor(Date.now() / 1000) + tokens.expires_in : idExp);
  return { apiToken: access, expiresAt: new Date(seconds * 1000), idToken };
}
