import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90',
  secondary: 'border border-border bg-surface text-fg hover:bg-muted',
  danger: 'border border-danger text-danger bg-surface hover:bg-danger-bg',
  ghost: 'text-fg hover:bg-muted',
};

export const buttonClass = (variant: Variant = 'primary', size: 'sm' | 'md' = 'md') =>
  `inline-flex items-center justify-center gap-2 rounded-md font-medium disabled:opacity-60 disabled:cursor-not-allowed ${
    size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-4 py-2 text-sm'
  } ${styles[variant]}`;

export function Button({
  variant = 'primary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md' }) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...props} />;
}
