import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionState } from './action-state';
import { ApiError, describeError } from './errors';
import { fieldErrors, formObject } from './schemas';

/**
 * The body of every form action: validate again on the server (never trust the browser), call the API,
 * and turn any failure into a readable message. `redirect()` inside `run` passes through.
 */
export async function runAction<S extends z.ZodType>(
  schema: S,
  form: FormData,
  run: (input: z.infer<S>) => Promise<ActionState | void>,
  arrays: string[] = [],
): Promise<ActionState> {
  const parsed = schema.safeParse(formObject(form, arrays));
  if (!parsed.success) return { error: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error);
    const fields =
      error instanceof ApiError
        ? Object.fromEntries(error.details.map((d) => [d.field, d.message]))
        : undefined;
    return { error: describeError(error), fields };
  }
}
