'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { inviteSchema, roleSchema } from '@/lib/schemas';

const id = z.object({ id: z.uuid() });

export async function inviteMember(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(inviteSchema, form, async (input) => {
    await api('/v1/invitations', { method: 'POST', body: input });
    revalidatePath('/members');
    return { ok: true, message: `Invitation sent to ${input.email}.` };
  });
}

export async function revokeInvitation(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(id, form, async (input) => {
    await api(`/v1/invitations/${input.id}`, { method: 'DELETE' });
    revalidatePath('/members');
  });
}

export async function changeRole(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(id.extend({ role: roleSchema }), form, async (input) => {
    await api(`/v1/members/${input.id}`, { method: 'PATCH', body: { role: input.role } });
    revalidatePath('/members');
    return { ok: true, message: 'Role changed.' };
  });
}

export async function removeMember(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(id, form, async (input) => {
    await api(`/v1/members/${input.id}`, { method: 'DELETE' });
    revalidatePath('/members');
  });
}
