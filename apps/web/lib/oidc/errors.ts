/**
 * Why an OpenID Connect sign-in failed. Only the code travels to the sign-in page (as ?error=oidc_<code>),
 * which shows a fixed sentence for it: nothing from the provider or the URL is echoed back to the page.
 */
export type OidcFailure =
  | 'unavailable'
  | 'state'
  | 'denied'
  | 'exchange'
  | 'token'
  | 'api'
  | 'api_down'
  | 'conflict'
  | 'not_configured';

export class OidcError extends Error {
  readonly failure: OidcFailure;

  constructor(failure: OidcFailure, detail: string) {
    super(detail);
    this.name = 'OidcError';
    this.failure = failure;
  }
}

const MESSAGES: Record<OidcFailure, string> = {
  unavailable: 'The identity provider cannot be reached right now. Try again in a moment.',
  state:
    'This sign-in response could not be matched to a sign-in started in this browser (it was tampered with, already used, or took longer than 10 minutes). Start again.',
  denied: 'The identity provider did not sign you in. Start again, or ask your administrator for access.',
  exchange:
    'The identity provider refused to complete this sign-in (the sign-in code was already used or has expired). Start again.',
  token: 'The identity provider returned an identity token that could not be verified. Start again.',
  api: "Assay's API did not accept the identity provider's token. Ask your administrator to check the sign-in settings.",
  api_down: 'The Assay API cannot be reached right now. Try again in a moment.',
  conflict:
    'An Assay account with this email address already exists. Sign in with its password instead, or ask your administrator to link it.',
  not_configured: 'Sign-in with an external identity provider is not configured.',
};

export const OIDC_ERROR_PARAM = 'error';

/** The sentence for an `?error=oidc_<code>` on the sign-in page, or null for anything else. */
export function oidcErrorMessage(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('oidc_')) return null;
  const code = value.slice(5);
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code as OidcFailure] : null;
}
