'use client';

import { type FormEvent, useActionState, useState } from 'react';
import type { z } from 'zod';
import { type ActionState, idle } from '@/lib/action-state';
import { type FieldErrors, fieldErrors, formObject } from '@/lib/schemas';

/**
 * A server action behind a form, validated first in the browser with the same zod schema the action
 * uses. Invalid input never leaves the page; server-side errors (including the API's) come back in state.
 */
export function useValidatedAction(
  schema: z.ZodType,
  action: (state: ActionState, form: FormData) => Promise<ActionState>,
  arrays: string[] = [],
) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = schema.safeParse(formObject(new FormData(event.currentTarget), arrays));
    if (!parsed.success) {
      event.preventDefault();
      const errs = fieldErrors(parsed.error);
      setClientErrors(errs);
      const first = Object.keys(errs)[0];
      event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setClientErrors({});
  };
  const errors: FieldErrors = { ...(state.fields ?? {}), ...clientErrors };
  return { state, formAction, pending, errors, onSubmit };
}
