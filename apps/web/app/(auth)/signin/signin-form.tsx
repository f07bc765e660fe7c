'use client';

import Link from 'next/link';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { signInSchema } from '@/lib/schemas';
import { signIn } from '../actions';

export function SignInForm({ next }: { next: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(signInSchema, signIn);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <ActionMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-center text-sm text-fg-muted">
        New here?{' '}
        <Link
          className="text-accent underline"
          href={next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
