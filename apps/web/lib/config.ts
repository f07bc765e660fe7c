/** Where the Next.js server reaches the API. Only read on the server. */
export const apiUrl = (): string => (process.env.ASSAY_API_URL ?? 'http://localhost:8000').replace(/\/$/, '');

export const SESSION_COOKIE = 'assay_session';
export const ORG_COOKIE = 'assay_org';
/** After an external sign-in: the provider's id_token, sent back as the hint when signing out there. */
export const IDP_COOKIE = 'assay_idp';
export const THEME_COOKIE = 'assay_theme';

/** Knowledge sites answer on `{org-slug}.{PAGES_DOMAIN}` (same value as the API's); unset, only on `/p/{org-slug}/`. */
export const pagesDomain = (): string | undefined => process.env.PAGES_DOMAIN || undefined;
