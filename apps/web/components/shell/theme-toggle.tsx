'use client';

import { Button } from '@/components/ui/button';

/** Flips light/dark and remembers the choice in a cookie the server reads on the next render. */
export function ThemeToggle() {
  const toggle = () => {
    const root = document.documentElement;
    const dark =
      root.classList.contains('dark') ||
      (!root.classList.contains('light') && matchMedia('(prefers-color-scheme: dark)').matches);
    const next = dark ? 'light' : 'dark';
    root.classList.remove('light', 'dark');
    root.classList.add(next);
    document.cookie = `assay_theme=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <Button variant="ghost" size="sm" onClick={toggle} aria-label="Switch between light and dark theme">
      Theme
    </Button>
  );
}
