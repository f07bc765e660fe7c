import { cookies } from 'next/headers';
import { IDP_COOKIE, ORG_COOKIE, SESSION_COOKIE } from './config';

const secure = () => (process.env.PUBLIC_WEB_URL ?? '').startsWith('https:');

/** The API's session token lives only in an httpOnly, SameSite=Lax cookie on the web origin. */
export async function setSession(token: string, expiresAt: string) {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(),
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Remembers an external sign-in (its id_token) for as long as the session, for the provider's sign-out. */
export async function setIdpSession(idToken: string, expiresAt: string) {
  const jar = await cookies();
  jar.set(IDP_COOKIE, idToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export async function setOrg(orgId: string) {
  const jar = await cookies();
  jar.set(ORG_COOKIE, orgId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(),
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
}

export async function clearSession() {
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(ORG_COOKIE);
  jar.delete(IDP_COOKIE);
}
