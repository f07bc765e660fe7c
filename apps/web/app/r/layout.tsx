import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/** Shared reports: no sign-in, no shell, never indexed (also sent as X-Robots-Tag, see next.config.ts). */
export const metadata: Metadata = {
  title: 'Shared compliance report · Assay',
  robots: { index: false, follow: false },
};

export default function SharedLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-border bg-surface px-4 py-2 print:border-0 print:px-0">
        <span className="font-semibold tracking-tight">Assay</span>
        <span className="text-sm text-fg-muted"> · shared report, read-only</span>
      </header>
      <main id="main" className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6 print:max-w-none print:px-0">
        {children}
      </main>
    </div>
  );
}
