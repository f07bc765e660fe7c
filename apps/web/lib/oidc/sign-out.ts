import { oidcConfig } from './config';
import { discover } from './provider';

/**
 * Where to send the browser after an external sign-in ends: the provider's end_session_endpoint
 * (RP-Initiated Logout), which then returns to /signin. Null when there is none: the local sign-out is
 * then all there is, and the provider's own session stays until it ends there.
 */
export async function providerSignOutUrl(
  idToken: string | undefined,
  origin: string,
): Promise<string | null> {
  const config = oidcConfig();
  if (!config || !idToken) return null;
  try {
    const metadata = await discover(config);
    if (!metadata.end_session_endpoint) return null;
    const url = new URL(metadata.end_session_endpoint);
    // When the id token is also the API token, it would still work until it expires: it must not sit
    // in a URL (history, the provider's logs). client_id with the redirect identifies us instead.
    if (config.apiToken !== 'id_token') url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('post_logout_redirect_uri', `${origin}/signin`);
    return url.toString();
  } catch {
    return null;
  }
}
