/** Which token the API receives as its Bearer token after an OpenID Connect sign-in. */
export type ApiTokenKind = 'id_token' | 'access_token';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Set for a confidential client; a public client proves itself with PKCE alone. */
  clientSecret?: string;
  scopes: string;
  providerName: string;
  apiToken: ApiTokenKind;
  /** Sent as the `audience` authorization parameter (Auth0 issues JWT access tokens only with one). */
  audience?: string;
}

const env = (name: string): string | undefined => {
  const v = process.env[name]?.trim();
  return v ? v : undefined;
};

/**
 * The external identity provider, when OIDC_ISSUER and OIDC_CLIENT_ID are set; otherwise null and the
 * web app offers only the built-in sign-in. Read on the server only.
 */
export function oidcConfig(): OidcConfig | null {
  const issuer = env('OIDC_ISSUER');
  const clientId = env('OIDC_CLIENT_ID');
  if (!issuer || !clientId) return null;
  const apiToken = env('OIDC_API_TOKEN') ?? 'id_token';
  if (apiToken !== 'id_token' && apiToken !== 'access_token')
    throw new Error(`OIDC_API_TOKEN must be id_token or access_token, not "${apiToken}"`);
  return {
    issuer,
    clientId,
    clientSecret: env('OIDC_CLIENT_SECRET'),
    scopes: withOpenid(env('OIDC_SCOPES') ?? 'openid email profile'),
    providerName: env('OIDC_PROVIDER_NAME') ?? 'your identity provider',
    apiToken,
    audience: env('OIDC_AUDIENCE'),
  };
}

/** An OpenID Connect request always asks for the `openid` scope. */
function withOpenid(scopes: string): string {
  const list = scopes.split(/[\s,]+/).filter(Boolean);
  return (list.includes('openid') ? list : ['openid', ...list]).join(' ');
}

/** The web app's public origin: PUBLIC_WEB_URL when set (behind a proxy), else the request's own. */
export function webOrigin(requestUrl: string): string {
  const configured = env('PUBLIC_WEB_URL');
  return (configured ? new URL(configured) : new URL(requestUrl)).origin;
}

/** This request's origin as the browser saw it (for server actions, which have no request URL). */
export function requestOrigin(headers: Headers): string {
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost';
  return `${proto}://${host}`;
}

export const callbackUrl = (origin: string) => `${origin}/auth/oidc/callback`;
