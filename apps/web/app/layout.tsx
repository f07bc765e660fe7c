import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_COOKIE } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  title: 'Assay',
  description: 'Compliance, visibility and intel on one platform',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** The theme comes from a cookie so the first paint is already right; no cookie follows the system setting. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  const themeClass = theme === 'dark' || theme === 'light' ? theme : undefined;
  return (
    <html lang="en" className={themeClass}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
