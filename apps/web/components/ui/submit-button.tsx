'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from './button';

/** A submit button that disables itself and says so while its form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  variant,
  size,
  ...rest
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  'aria-label'?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size={size} disabled={pending} aria-disabled={pending} {...rest}>
      {pending ? (pendingText ?? 'Working…') : children}
    </Button>
  );
}
