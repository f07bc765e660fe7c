'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { IDP_COOKIE } from '@/lib/config';
import { requestOrigin, webOrigin } from '@/lib/oidc/config';
import { providerSignOutUrl } from '@/lib/oidc/sign-out';
import { runAction } from '@/lib/run-action';
import { safeNext } from '@/lib/safe-next';
import { signInSchema, signUpSchema } from '@/lib/schemas';
import { clearSession, setOrg, setSession } from '@/lib/session';
import type { Session } from '@/lib/types';

async function begin(session: Session, next: string) {
  await clearSession(); // nothing left over from an earlier sign-in (another org, a provider's id_token)
  await setSession(session.token, session.expires_at);
  if (session.memberships[0]) await setOrg(session.memberships[0].org_id);
  redirect(next);
}

export async function signIn(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(signInSchema, form, async (input) => {
    const session = await api<Session>('/v1/auth/signin', { method: 'POST', body: input, anonymous: true });
    await begin(session, safeNext(form.get('next')));
  });
}

export async function signUp(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(signUpSchema, form, async ({ organization_name, ...input }) => {
    const body = organization_name ? { ...input, organization_name } : input;
    const session = await api<Session>('/v1/auth/signup', { method: 'POST', body, anonymous: true });
    await begin(session, safeNext(form.get('next')));
  });
}

/** Ends the session here, and at the identity provider too after an external sign-in. */
export async function signOut(): Promise<void> {
  await api('/v1/auth/signout', { method: 'POST' }).catch(() => undefined);
  const idToken = (await cookies()).get(IDP_COOKIE)?.value;
  await clearSession();
  const origin = webOrigin(requestOrigin(await headers()));
  redirect((await providerSignOutUrl(idToken, origin)) ?? '/signin');
}
