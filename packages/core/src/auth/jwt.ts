import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

export interface JwtVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience?: string;
  algorithms: string[];
  emailClaim: string;
}

export interface VerifiedIdentity {
  sub: string;
  email: string | undefined;
  name: string | undefined;
  claims: JWTPayload;
}

export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

/**
 * Verifies IdP access tokens (Supabase, Clerk, any OIDC provider) against the provider's JWKS.
 * jose caches the key set and refetches on an unknown `kid`, so key rotation needs no restart.
 * `alg: none` and symmetric algorithms are refused because only the configured list is accepted.
 */
export function createJwtVerifier(options: JwtVerifierOptions) {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  return async function verify(token: string): Promise<VerifiedIdentity> {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: options.algorithms,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 5,
    });
    const email = payload[options.emailClaim];
    const name = payload.name;
    return {
      sub: payload.sub!,
      email: typeof email === 'string' ? email.toLowerCase() : undefined,
      name: typeof name === 'string' ? name : undefined,
      claims: payload,
    };
  };
}
export type JwtVerifier = ReturnType<typeof createJwtVerifier>;
