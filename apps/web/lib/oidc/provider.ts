import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from './config';
import { OidcError } from './errors';

/** The parts of the provider's discovery document the web app uses. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
}

const TTL_MS = 60 * 60 * 1000;
const trimSlash = (s: string) => s.replace(/\/+$/, '');
let cached: { issuer: string; metadata: ProviderMetadata; at: number } | undefined;
const keySets = new Map<string, JWTVerifyGetKey>();

/** `${OIDC_ISSUER}/.well-known/openid-configuration`, fetched once an hour. */
export async function discover(config: OidcConfig): Promise<ProviderMetadata> {
  if (cached && cached.issuer === config.issuer && Date.now() - cached.at < TTL_MS) return cached.metadata;
  const url = `${trimSlash(config.issuer)}/.well-known/openid-configuration`;
  let body: Partial<ProviderMetadata>;
  try {
    const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as Partial<ProviderMetadata>;
  } catch (error) {
    throw new OidcError('unavailable', `discovery at ${url} failed: ${(error as Error).message}`);
  }
  const metadata = validate(body, config.issuer);
  cached = { issuer: config.issuer, metadata, at: Date.now() };
  return metadata;
}

function validate(body: Partial<ProviderMetadata>, issuer: string): ProviderMetadata {
  for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof body[field] !== 'string')
      throw new OidcError('unavailable', `the discovery document has no ${field}`);
  }
  // The document must be the configured issuer's own (OpenID Connect Discovery 1.0, section 4.3).
  if (trimSlash(body.issuer!) !== trimSlash(issuer))
    throw new OidcError('unavailable', `the discovery document is for issuer ${body.issuer}, not ${issuer}`);
  return body as ProviderMetadata;
}

/** The provider's signing keys, fetched when first needed and again when an unknown key id shows up. */
export function providerKeys(metadata: ProviderMetadata): JWTVerifyGetKey {
  let keys = keySets.get(metadata.jwks_uri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
    keySets.set(metadata.jwks_uri, keys);
  }
  return keys;
}
