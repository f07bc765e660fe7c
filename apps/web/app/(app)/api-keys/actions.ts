'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { apiKeySchema } from '@/lib/schemas';
import type { ApiKey } from '@/lib/types';

/** The date field means "valid through the end of that day (UTC)". */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.000Z`).toISOString();

export async function createKey(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    apiKeySchema,
    form,
    async (input) => {
      const body = {
        name: input.name,
        scopes: input.scopes,
        ...(input.role ? { role: input.role } : {}),
        ...(input.expires_at ? { expires_at: endOfDay(input.expires_at) } : {}),
      };
      const key = await api<ApiKey & { secret: string }>('/v1/api-keys', { method: 'POST', body });
      revalidatePath('/api-keys');
      return { ok: true, message: `Key “${key.name}” created.`, secret: key.secret };
    },
    ['scopes'],
  );
}

export async function revokeKey(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid() }), form, async ({ id }) => {
    await api(`/v1/api-keys/${id}`, { method: 'DELETE' });
    revalidatePath('/api-keys');
  });
}
