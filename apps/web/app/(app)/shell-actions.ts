'use server';

import { redirect } from 'next/navigation';
import { api } from '@/lib/api';
import { setOrg } from '@/lib/session';
import type { Me } from '@/lib/types';

/** Switch only to an organization the API says the user belongs to. */
export async function switchOrg(form: FormData): Promise<void> {
  const id = String(form.get('org_id') ?? '');
  const me = await api<Me>('/v1/me', { noOrg: true });
  if (me.memberships.some((m) => m.org_id === id)) await setOrg(id);
  redirect('/');
}
