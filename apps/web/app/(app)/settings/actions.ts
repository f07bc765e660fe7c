'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { orgNameSchema } from '@/lib/schemas';
import { setOrg } from '@/lib/session';

export async function createOrg(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(orgNameSchema, form, async (input) => {
    const org = await api<{ id: string }>('/v1/orgs', { method: 'POST', body: input });
    await setOrg(org.id);
    redirect('/');
  });
}

export async function renameOrg(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(orgNameSchema, form, async (input) => {
    await api('/v1/org', { method: 'PATCH', body: input });
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Organization renamed.' };
  });
}

export async function leaveOrg(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({}), form, async () => {
    await api('/v1/members/leave', { method: 'POST' });
    const { cookies } = await import('next/headers');
    (await cookies()).delete('assay_org');
    redirect('/');
  });
}
