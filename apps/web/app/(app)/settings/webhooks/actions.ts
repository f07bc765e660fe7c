'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { endpointSchema, type WebhookEndpoint } from './types';

const PATH = '/settings/webhooks';

export async function createEndpoint(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    endpointSchema,
    form,
    async (input) => {
      const made = await api<WebhookEndpoint & { secret: string }>('/v1/webhooks/endpoints', {
        method: 'POST',
        body: {
          url: input.url,
          description: input.description || undefined,
          event_types: input.event_types.includes('*') ? ['*'] : input.event_types,
        },
      });
      revalidatePath(PATH);
      return { ok: true, message: `Endpoint ${made.url} added.`, secret: made.secret };
    },
    ['event_types'],
  );
}

export async function setEnabled(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ id: z.uuid(), enabled: z.enum(['true', 'false']) }),
    form,
    async ({ id, enabled }) => {
      await api(`/v1/webhooks/endpoints/${id}`, { method: 'PATCH', body: { enabled: enabled === 'true' } });
      revalidatePath(PATH);
    },
  );
}

export async function sendTest(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid() }), form, async ({ id }) => {
    const result = await api<{
      succeeded: boolean;
      response_code: number | null;
      error: string | null;
      latency_ms: number;
    }>(`/v1/webhooks/endpoints/${id}/test`, { method: 'POST' });
    revalidatePath(`${PATH}/${id}`);
    return result.succeeded
      ? { ok: true, message: `Answered ${result.response_code} in ${result.latency_ms} ms.` }
      : { error: `Test failed: ${result.error ?? 'no answer'}` };
  });
}

export async function deleteEndpoint(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid() }), form, async ({ id }) => {
    await api(`/v1/webhooks/endpoints/${id}`, { method: 'DELETE' });
    revalidatePath(PATH);
  });
}

export async function redeliver(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(z.object({ id: z.uuid(), delivery_id: z.uuid() }), form, async ({ id, delivery_id }) => {
    await api(`/v1/webhooks/endpoints/${id}/deliveries/${delivery_id}/redeliver`, { method: 'POST' });
    revalidatePath(`${PATH}/${id}`);
    return { ok: true, message: 'Queued for redelivery.' };
  });
}
