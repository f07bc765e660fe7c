'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';

const KEYS = ['job_finished', 'job_failed', 'invitation', 'quota_nearly_reached'] as const;

/** Unchecked boxes are absent from the form: every preference is sent, on or off. */
export async function savePreferences(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ on: z.array(z.enum(KEYS)) }),
    form,
    async ({ on }) => {
      await api('/v1/notifications/preferences', {
        method: 'PATCH',
        body: Object.fromEntries(KEYS.map((key) => [key, on.includes(key)])),
      });
      revalidatePath('/settings/notifications');
      return { ok: true, message: 'Saved.' };
    },
    ['on'],
  );
}
