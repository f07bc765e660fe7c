import { api } from '../api';
import { ApiError } from '../errors';
import { clearSession, setIdpSession, setOrg, setSession } from '../session';
import type { Me } from '../types';
import { OidcError } from './errors';
import type { SignedIn } from './tokens';

/**
 * Shows the token to the API first (which finds or creates the user by `sub`), then keeps it in the
 * session cookie until it expires. Returns where to go: a user with no organization yet goes to
 * /welcome to create one, unless they were on their way somewhere (an invitation link).
 */
export async function startIdpSession(signedIn: SignedIn, next: string): Promise<string> {
  let me: Me;
  try {
    me = await api<Me>('/v1/me', { token: signedIn.apiToken, noOrg: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'API_UNREACHABLE')
      throw new OidcError('api_down', error.message);
    if (error instanceof ApiError && error.code === 'CONFLICT')
      throw new OidcError('conflict', error.message);
    throw new OidcError('api', `GET /v1/me refused the token: ${(error as Error).message}`);
  }
  await clearSession();
  const expiresAt = signedIn.expiresAt.toISOString();
  await setSession(signedIn.apiToken, expiresAt);
  await setIdpSession(signedIn.idToken, expiresAt);
  const first = me.memberships[0];
  if (first) await setOrg(first.org_id);
  return !first && next === '/' ? '/welcome' : next;
}
