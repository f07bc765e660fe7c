'use client';

import Link from 'next/link';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { signUpSchema } from '@/lib/schemas';
import { signUp } from '../actions';

export function SignUpForm({ next }: { next: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(signUpSchema, signUp);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <ActionMessage state={state} />
      <Field label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={errors.password}
      />
      <Field
        label="Organization name (optional)"
        name="organization_name"
        autoComplete="organization"
        error={errors.organization_name}
      />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      <p className="text-center text-sm text-fg-muted">
        Already have an account?{' '}
        <Link
          className="text-accent underline"
          href={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
