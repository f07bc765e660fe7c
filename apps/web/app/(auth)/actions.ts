'use server';

import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { signInSchema, signUpSchema } from '@/lib/schemas';
import { clearSession, setOrg, setSession } from '@/lib/session';
import type { Session } from '@/lib/types';

/** Only same-site paths: never an open redirect. */
const safeNext = (value: FormDataEntryValue | null): string => {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
};

async function begin(session: Session, next: string) {
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

export async function signOut(): Promise<void> {
  await api('/v1/auth/signout', { method: 'POST' }).catch(() => undefined);
  await clearSession();
  redirect('/signin');
}
