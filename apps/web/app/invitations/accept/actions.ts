'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { api } from '@/lib/api';
import { runAction } from '@/lib/run-action';
import { setOrg } from '@/lib/session';

export async function acceptInvitation(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ token: z.string().min(10, 'This link is incomplete').max(200) }),
    form,
    async ({ token }) => {
      const joined = await api<{ org_id: string; role: string }>('/v1/invitations/accept', {
        method: 'POST',
        body: { token },
      });
      await setOrg(joined.org_id);
      redirect('/');
    },
  );
}
